/**
 * UI strings reach components through this context; the entrypoint provides a
 * translator backed by browser.i18n (components never call browser APIs).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Translate = (key: string, substitutions?: string | string[]) => string;

/** Falls back to the key itself, which keeps tests readable without message files. */
export const I18nContext = createContext<Translate>((key) => key);

export function useT(): Translate {
  return useContext(I18nContext);
}
