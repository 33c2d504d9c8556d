/**
 * An on/off switch: a native checkbox with role="switch", so it is focusable,
 * toggles with Space and is announced as a switch. The visible track is
 * decoration; the label text wraps freely (no fixed widths).
 */
import { useId } from 'preact/hooks';

export interface SwitchProps {
  checked: boolean;
  label: string;
  onChange: (checked: boolean) => void;
  /** Extra text under the label, linked with aria-describedby. */
  hint?: string;
  disabled?: boolean;
  id?: string;
}

export function Switch({ checked, label, onChange, hint, disabled, id }: SwitchProps) {
  const generated = `ui-switch-${useId()}`;
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div class="ui-switch">
      <input
        id={inputId}
        type="checkbox"
        role="switch"
        class="ui-switch__input"
        checked={checked}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={inputId} class="ui-switch__label">
        <span class="ui-switch__track" aria-hidden="true" />
        <span class="ui-switch__text">{label}</span>
      </label>
      {hint && (
        <p id={hintId} class="ui-switch__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
