/**
 * Reader settings: the type, defaults and pure helpers. Storage glue lives in
 * lib/platform/settings-store.ts. Pure module.
 */
import type { TopicId } from '../factbase/schema';

export const SETTINGS_VERSION = 1;

export type SiteMode = 'all-except' | 'only';
export type DensityMode = 'first' | 'first-n' | 'all';
export type MarkStyle = 'underline' | 'tint' | 'hover';
export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  version: number;
  /** Global pause switch. */
  enabled: boolean;
  /** "everywhere except these sites" or "only on these sites". */
  siteMode: SiteMode;
  /** Hostnames, lower case, without "www.". */
  sites: string[];
  /** Topics switched off. */
  topicsOff: TopicId[];
  density: { mode: DensityMode; n: number };
  markStyle: MarkStyle;
  /** Hover delay before a card opens, in ms. */
  cardDelayMs: number;
  theme: Theme;
  /** "Not this": entity ids hidden per hostname. */
  hidden: Record<string, string[]>;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  siteMode: 'all-except',
  sites: [],
  topicsOff: [],
  density: { mode: 'first', n: 3 },
  markStyle: 'underline',
  cardDelayMs: 450,
  theme: 'auto',
  hidden: {},
};

/** Normalises a hostname for the site list: lower case, no "www.". */
export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** Whether Eurasia Lens should annotate pages on this hostname. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return false;
  const key = siteKey(hostname);
  const listed = settings.sites.some((s) => key === s || key.endsWith(`.${s}`));
  return settings.siteMode === 'all-except' ? !listed : listed;
}
