/**
 * Counted phrases ("1 highlight", "42 highlights", "5 выделений"): the message
 * key gets the suffix of the count's CLDR plural category (`_one`, `_few`,
 * `_many`, `_other`), since extension messages have no plural forms of their
 * own. A locale whose messages lack a category falls back to `_other`.
 */
import type { Translate } from '../i18n';

const rulesByLocale = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale.replace('_', '-'));
    } catch {
      rules = new Intl.PluralRules('en');
    }
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

export function plural(t: Translate, locale: string, key: string, count: number): string {
  const n = String(count);
  const specific = `${key}_${pluralRules(locale).select(count)}`;
  const text = t(specific, n);
  // The translator answers with the key itself when a locale has no such message.
  return text && text !== specific ? text : t(`${key}_other`, n);
}
