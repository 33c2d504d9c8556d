/**
 * Settings migrations. The format version lives inside the value
 * (`settings.version`); a value without one is the v0 format the first
 * builds wrote:
 *
 *   { paused: boolean, disabledSites: string[], topics: { [topic]: boolean } }
 *
 * Each step takes the value of the previous version and returns the next one;
 * a value from a newer build is refused rather than guessed at. Pure module.
 */
import * as v from 'valibot';
import { TOPIC_IDS, type TopicId } from '../factbase/schema';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, siteKey, type Settings } from './model';
import { SettingsError } from './schema';

export const SettingsV0Schema = v.object({
  paused: v.optional(v.boolean('must be true or false'), false),
  disabledSites: v.optional(v.array(v.string('must be a hostname'), 'must be a list of hostnames'), []),
  topics: v.optional(v.record(v.string(), v.boolean('must be true or false'), 'must map topics to true or false'), {}),
});
export type SettingsV0 = v.InferInput<typeof SettingsV0Schema>;

/** Step functions keyed by the version they produce. */
export const MIGRATIONS: Record<number, (previous: unknown) => unknown> = {
  1: (previous) => {
    const parsed = v.safeParse(SettingsV0Schema, previous);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      throw new SettingsError(issue.path?.map((p) => String(p.key)).join('.') ?? '', `(v0 format) ${issue.message}`);
    }
    const old = parsed.output;
    const sites = [...new Set(old.disabledSites.map((s) => siteKey(s.trim())).filter(Boolean))].sort();
    const topicsOff = TOPIC_IDS.filter((t: TopicId) => old.topics[t] === false);
    const next: Settings = {
      ...structuredClone(DEFAULT_SETTINGS),
      version: 1,
      enabled: !old.paused,
      siteMode: 'all-except',
      sites,
      topicsOff,
    };
    return next;
  },
};

/** The format version of a raw value: its `version` field, or 0 when it has none. */
export function versionOf(raw: unknown): number {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SettingsError('', 'expected an object');
  }
  const version = (raw as { version?: unknown }).version;
  if (version === undefined) return 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new SettingsError('version', 'must be a whole number');
  }
  return version;
}

/**
 * Brings a value of any known version to the current one (not validated yet:
 * pass the result to parseSettings or repairSettings).
 */
export function migrateSettings(raw: unknown): unknown {
  const from = versionOf(raw);
  if (from > SETTINGS_VERSION) {
    throw new SettingsError(
      'version',
      `${from} comes from a newer version of Eurasia Lens (this one reads up to ${SETTINGS_VERSION})`,
    );
  }
  let value: unknown = raw;
  for (let target = from + 1; target <= SETTINGS_VERSION; target++) {
    const step = MIGRATIONS[target];
    if (!step) throw new SettingsError('version', `no migration to version ${target}`);
    value = step(value);
  }
  return value;
}
