/**
 * Localised names of topics. Message keys may hold only letters, digits and
 * underscores, so "trade-finance" becomes common_topic_trade_finance; the
 * fact base's English label is the fallback.
 */
import type { Translate } from '../i18n';

export function topicMessageKey(topicId: string): string {
  return `common_topic_${topicId.replace(/-/g, '_')}`;
}

export function topicLabel(t: Translate, topicId: string, fallback: string): string {
  const key = topicMessageKey(topicId);
  const text = t(key);
  return text && text !== key ? text : fallback;
}
