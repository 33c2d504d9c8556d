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

/** Bounds for the numeric settings (the options page and validation share them). */
export const DENSITY_N_MIN = 1;
export const DENSITY_N_MAX = 50;
/** 0 opens at once; 3 s is far beyond any useful hover delay. */
export const CARD_DELAY_MIN_MS = 0;
export const CARD_DELAY_MAX_MS = 3000;

/** Whether a site key is on the list, directly or as a parent domain. */
function listedKeys(settings: Settings, hostname: string): string[] {
  const key = siteKey(hostname);
  return settings.sites.filter((s) => key === s || key.endsWith(`.${s}`));
}

/**
 * Turns annotation on or off for one site in one step, whatever the site mode:
 * in "everywhere except" mode the site (and any listed parent domain) leaves or
 * joins the list; in "only on" mode the reverse. Leaves the pause switch alone.
 */
export function setSiteActive(settings: Settings, hostname: string, active: boolean): Settings {
  const key = siteKey(hostname);
  if (!key) return settings;
  const matching = listedKeys(settings, hostname);
  const wantListed = settings.siteMode === 'all-except' ? !active : active;
  if (wantListed) {
    if (matching.length > 0) return settings;
    return { ...settings, sites: [...settings.sites, key].sort() };
  }
  if (matching.length === 0) return settings;
  return { ...settings, sites: settings.sites.filter((s) => !matching.includes(s)) };
}

/** Adds a site to the list (normalised); unchanged when it is already there or empty. */
export function addSite(settings: Settings, hostname: string): Settings {
  const key = siteKey(hostname.trim());
  if (!key || settings.sites.includes(key)) return settings;
  return { ...settings, sites: [...settings.sites, key].sort() };
}

export function removeSite(settings: Settings, site: string): Settings {
  return { ...settings, sites: settings.sites.filter((s) => s !== site) };
}

export function setTopicOn(settings: Settings, topic: TopicId, on: boolean): Settings {
  const others = settings.topicsOff.filter((t) => t !== topic);
  return { ...settings, topicsOff: on ? others : [...others, topic] };
}

/** Entity ids the reader hid on this site with "Not this". */
export function hiddenOn(settings: Settings, hostname: string): string[] {
  return settings.hidden[siteKey(hostname)] ?? [];
}

/** "Not this": hides one entity on one site. */
export function hideEntity(settings: Settings, hostname: string, id: string): Settings {
  const key = siteKey(hostname);
  const current = settings.hidden[key] ?? [];
  if (!key || current.includes(id)) return settings;
  return { ...settings, hidden: { ...settings.hidden, [key]: [...current, id].sort() } };
}

/** Undoes "Not this"; a site left with no hidden entity is dropped from the map. */
export function unhideEntity(settings: Settings, hostname: string, id: string): Settings {
  const key = siteKey(hostname);
  const current = settings.hidden[key];
  if (!current?.includes(id)) return settings;
  const rest = current.filter((x) => x !== id);
  const hidden = { ...settings.hidden };
  if (rest.length > 0) hidden[key] = rest;
  else delete hidden[key];
  return { ...settings, hidden };
}

/**
 * Whether an entity's marks show on this site: not hidden there with "Not
 * this", and none of its topics switched off (turning a topic off removes
 * every mark tagged with it).
 */
export function isEntityShown(
  settings: Settings,
  hostname: string,
  entity: { id: string; topics: readonly string[] },
): boolean {
  if (hiddenOn(settings, hostname).includes(entity.id)) return false;
  return !entity.topics.some((t) => (settings.topicsOff as readonly string[]).includes(t));
}
