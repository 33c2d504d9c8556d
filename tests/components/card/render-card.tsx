/** Renders the card into a mount point with the key-showing translator; returns its dialog. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ContextCard, type ContextCardProps } from '../../../components/ContextCard';
import { I18nProvider } from '../../../components/ui/I18nProvider';
import type { CardData } from '../../../lib/card/view-model';
import { showKeys } from '../../support/show-keys';

export function renderCard(el: HTMLElement, props: Partial<ContextCardProps> & { data: CardData }): HTMLElement {
  act(() => {
    render(
      <I18nProvider t={showKeys}>
        <ContextCard theme="light" {...props} />
      </I18nProvider>,
      el,
    );
  });
  return el.querySelector<HTMLElement>('[role="dialog"]')!;
}
