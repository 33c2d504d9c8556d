/** Applies the reader's theme to an extension page (popup, options). */
import type { Theme } from '../settings/model';

/** "auto" leaves the choice to prefers-color-scheme; light and dark force it. */
export function applyPageTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}
