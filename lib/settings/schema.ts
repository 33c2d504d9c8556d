/**
 * Validation of the current settings format. Storage reads repair field by
 * field (a damaged value never locks the reader out); imports are strict and
 * fail with a {@link SettingsError} that names the field. Pure module.
 */
import * as v from 'valibot';
import { TOPIC_IDS } from '../factbase/schema';
import {
  CARD_DELAY_MAX_MS,
  CARD_DELAY_MIN_MS,
  DEFAULT_SETTINGS,
  DENSITY_N_MAX,
  DENSITY_N_MIN,
  SETTINGS_VERSION,
  type Settings,
} from './model';

/** A settings value that cannot be used; `field` is a dotted path such as "density.n". */
export class SettingsError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(field ? `Settings field "${field}": ${reason}` : `Settings: ${reason}`);
    this.name = 'SettingsError';
  }
}

/** A hostname as kept in the site list: lower case, no "www.", letters, digits, dots, dashes. */
const HOST_PATTERN = /^(?!www\.)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
const ENTITY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Far above any real list; stops a hostile import from filling storage. */
const MAX_LIST = 5000;

const host = v.pipe(
  v.string('must be a text'),
  v.maxLength(253, 'is too long for a hostname'),
  v.regex(HOST_PATTERN, 'must be a hostname in lower case without "www." (e.g. example.org)'),
);
const wholeBetween = (min: number, max: number) =>
  v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

/** One schema per field, so a stored value can be repaired field by field. */
export const FIELD_SCHEMAS = {
  version: v.literal(SETTINGS_VERSION, `must be ${SETTINGS_VERSION}`),
  enabled: v.boolean('must be true or false'),
  siteMode: v.picklist(['all-except', 'only'], 'must be "all-except" or "only"'),
  sites: v.pipe(v.array(host, 'must be a list of hostnames'), v.maxLength(MAX_LIST, 'has too many sites')),
  topicsOff: v.array(v.picklist(TOPIC_IDS, `must be one of: ${TOPIC_IDS.join(', ')}`), 'must be a list of topics'),
  density: v.strictObject(
    {
      mode: v.picklist(['first', 'first-n', 'all'], 'must be "first", "first-n" or "all"'),
      n: wholeBetween(DENSITY_N_MIN, DENSITY_N_MAX),
    },
    'must be an object with "mode" and "n" only',
  ),
  markStyle: v.picklist(['underline', 'tint', 'hover'], 'must be "underline", "tint" or "hover"'),
  cardDelayMs: wholeBetween(CARD_DELAY_MIN_MS, CARD_DELAY_MAX_MS),
  theme: v.picklist(['auto', 'light', 'dark'], 'must be "auto", "light" or "dark"'),
  hidden: v.pipe(
    v.record(
      host,
      v.pipe(
        v.array(v.pipe(v.string(), v.regex(ENTITY_ID_PATTERN, 'must be entity ids')), 'must be a list of entity ids'),
        v.maxLength(MAX_LIST, 'has too many entities'),
      ),
      'must map hostnames to lists of entity ids',
    ),
    v.check((h) => Object.keys(h).length <= MAX_LIST, 'has too many sites'),
  ),
} satisfies { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> };

export const SettingsSchema = v.strictObject(FIELD_SCHEMAS, 'must be an object');

function issueToError(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): SettingsError {
  const issue = issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  // strictObject reports an unknown key with the key as the path.
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') {
    return new SettingsError(path, 'is not a known setting');
  }
  return new SettingsError(path, issue.message);
}

/** Validates a value in the current format; throws a SettingsError naming the first bad field. */
export function parseSettings(raw: unknown): Settings {
  const result = v.safeParse(SettingsSchema, raw);
  if (!result.success) throw issueToError(result.issues);
  return result.output as Settings;
}

/**
 * Keeps every valid field of a stored value and puts the default in place of
 * each missing or damaged one; unknown fields are dropped. Used on storage
 * reads, where refusing the whole value would switch the extension off.
 */
export function repairSettings(raw: unknown): { settings: Settings; problems: SettingsError[] } {
  const source = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const problems: SettingsError[] = [];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(FIELD_SCHEMAS) as (keyof Settings)[]) {
    const result = v.safeParse(FIELD_SCHEMAS[key], source[key]);
    if (result.success) out[key] = result.output;
    else {
      problems.push(new SettingsError(key, result.issues[0].message));
      out[key] = structuredClone(DEFAULT_SETTINGS[key]);
    }
  }
  return { settings: out as unknown as Settings, problems };
}
