import type { Translate } from '../../components/i18n';

/** A translator that shows a message's key and arguments, so tests see which message was used with what. */
export const showKeys: Translate = (key, subs) =>
  subs === undefined ? key : `${key}(${(Array.isArray(subs) ? subs : [subs]).join(',')})`;
