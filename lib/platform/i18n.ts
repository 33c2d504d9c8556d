/** browser.i18n-backed translator for the UI (see components/i18n.ts). */
import { browser } from 'wxt/browser';
import type { Translate } from '../../components/i18n';

// WXT types the keys from the message files; keys here come from our own code.
const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string;

export const translate: Translate = (key, substitutions) => getMessage(key, substitutions) || key;
