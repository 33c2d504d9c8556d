import { useEffect, useState } from 'preact/hooks';
import type { Entity } from '../../lib/factbase/schema';
import {
  CARD_DELAY_MAX_MS,
  CARD_DELAY_MIN_MS,
  DENSITY_N_MAX,
  DENSITY_N_MIN,
  isEntityShown,
  type DensityMode,
  type MarkStyle,
  type Settings,
  type Theme,
} from '../../lib/settings/model';
import { useT } from '../i18n';
import { Section } from './Section';
import { markedIndexes, parseSample } from './sample-text';

/** The options page's slider for the card delay stops here; larger stored values still show. */
const DELAY_SLIDER_MAX_MS = 1500;
const DELAY_STEP_MS = 50;

type Update = (change: (s: Settings) => Settings) => Promise<void>;

function Choices<T extends string>(props: {
  name: string;
  legend: string;
  value: T;
  options: readonly T[];
  label: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="options__fieldset">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} class="options__choice">
          <input
            type="radio"
            name={props.name}
            value={option}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          <span>{props.label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function AppearanceSection(props: {
  settings: Settings;
  byId: ReadonlyMap<string, Entity>;
  markCss: (style: MarkStyle) => string;
  onUpdate: Update;
}) {
  const t = useT();
  const { settings, onUpdate } = props;
  const [n, setN] = useState(String(settings.density.n));
  const [delay, setDelay] = useState(settings.cardDelayMs);
  const [nError, setNError] = useState(false);
  useEffect(() => setN(String(settings.density.n)), [settings.density.n]);
  useEffect(() => setDelay(settings.cardDelayMs), [settings.cardDelayMs]);

  const commitN = (text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < DENSITY_N_MIN || value > DENSITY_N_MAX) {
      setNError(true);
      return;
    }
    setNError(false);
    void onUpdate((s) => ({ ...s, density: { ...s.density, n: value } }));
  };

  return (
    <Section id="appearance" title={t('options_appearance_title')}>
      <div class="options__appearance">
        <div class="options__controls">
          <Choices<DensityMode>
            name="density"
            legend={t('options_density')}
            value={settings.density.mode}
            options={['first', 'first-n', 'all']}
            label={(m) => t(`options_density_${m.replace('-', '_')}`)}
            onChange={(mode) => void onUpdate((s) => ({ ...s, density: { ...s.density, mode } }))}
          />
          <div class="options__field">
            <label for="density-n">{t('options_density_n_label')}</label>
            <input
              id="density-n"
              type="number"
              min={DENSITY_N_MIN}
              max={DENSITY_N_MAX}
              step={1}
              value={n}
              disabled={settings.density.mode !== 'first-n'}
              aria-invalid={nError}
              aria-describedby={nError ? 'density-n-error' : undefined}
              onInput={(e) => setN((e.currentTarget as HTMLInputElement).value)}
              onChange={(e) => commitN((e.currentTarget as HTMLInputElement).value)}
            />
            {nError && (
              <p id="density-n-error" role="alert" class="options__error">
                {t('options_density_n_invalid', [String(DENSITY_N_MIN), String(DENSITY_N_MAX)])}
              </p>
            )}
          </div>
          <Choices<MarkStyle>
            name="mark-style"
            legend={t('options_mark_style')}
            value={settings.markStyle}
            options={['underline', 'tint', 'hover']}
            label={(m) => t(`options_mark_style_${m}`)}
            onChange={(markStyle) => void onUpdate((s) => ({ ...s, markStyle }))}
          />
          <div class="options__field">
            <label for="card-delay">{t('options_card_delay')}</label>
            <div class="options__row">
              <input
                id="card-delay"
                type="range"
                min={CARD_DELAY_MIN_MS}
                max={Math.max(DELAY_SLIDER_MAX_MS, settings.cardDelayMs)}
                step={DELAY_STEP_MS}
                value={delay}
                aria-valuetext={t('options_ms', String(delay))}
                onInput={(e) => setDelay(Number((e.currentTarget as HTMLInputElement).value))}
                onChange={(e) => {
                  const cardDelayMs = Math.min(CARD_DELAY_MAX_MS, Number((e.currentTarget as HTMLInputElement).value));
                  void onUpdate((s) => ({ ...s, cardDelayMs }));
                }}
              />
              <output for="card-delay">{t('options_ms', String(delay))}</output>
            </div>
          </div>
          <Choices<Theme>
            name="theme"
            legend={t('options_theme')}
            value={settings.theme}
            options={['auto', 'light', 'dark']}
            label={(m) => t(`options_theme_${m}`)}
            onChange={(theme) => void onUpdate((s) => ({ ...s, theme }))}
          />
        </div>
        <Preview settings={settings} byId={props.byId} markCss={props.markCss} />
      </div>
    </Section>
  );
}

function Preview(props: {
  settings: Settings;
  byId: ReadonlyMap<string, Entity>;
  markCss: (style: MarkStyle) => string;
}) {
  const t = useT();
  const { settings } = props;
  const segments = parseSample(t('options_preview_sample'));
  const limit =
    settings.density.mode === 'first' ? 1 : settings.density.mode === 'first-n' ? settings.density.n : Infinity;
  const marked = markedIndexes(segments, limit);
  const sampleEntity = props.byId.get('vladimir-putin');
  return (
    <figure class="options__preview" aria-labelledby="preview-caption">
      <figcaption id="preview-caption">{t('options_preview_title')}</figcaption>
      <style>{props.markCss(settings.markStyle)}</style>
      <p class="options__preview-text" data-lens-preview="">
        {segments.map((segment, index) => {
          if (!('id' in segment)) return segment.text;
          const entity = props.byId.get(segment.id);
          const shown = !entity || isEntityShown(settings, '', entity);
          if (!marked.has(index) || !shown) return segment.text;
          return (
            <lens-mention key={index} data-entity={segment.id}>
              {segment.text}
            </lens-mention>
          );
        })}
      </p>
      {sampleEntity && (
        <div class="options__preview-card" aria-hidden="true">
          <p class="options__preview-card-name">{sampleEntity.name}</p>
          <p class="options__preview-card-text">{sampleEntity.summary}</p>
          <p class="options__preview-card-meta">{t('options_preview_delay', String(settings.cardDelayMs))}</p>
        </div>
      )}
    </figure>
  );
}
