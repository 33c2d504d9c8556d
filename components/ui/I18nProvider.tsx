/**
 * Provides the translator to a tree. Wraps I18nContext.Provider because the
 * Preact typings declare providers as returning any children, which the
 * TypeScript JSX checker does not accept as an element type.
 */
import { h, type ComponentChildren, type VNode } from 'preact';
import { I18nContext, type Translate } from '../i18n';

export function I18nProvider(props: { t: Translate; children: ComponentChildren }): VNode {
  return h(I18nContext.Provider, { value: props.t }, props.children) as VNode;
}
