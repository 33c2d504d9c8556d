/**
 * Shows a context card on the options page. The card's styles are written for
 * a shadow root (they reset `:host`, `html` and `body`), so the card is
 * rendered into one here, placed in the flow instead of floating.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { buildCardData } from '../../lib/card/view-model';
import type { Entity, Meta } from '../../lib/factbase/schema';
import { CARD_CSS, ContextCard } from '../ContextCard';
import { useT } from '../i18n';
import { I18nProvider } from '../ui/I18nProvider';

/** Puts the floating card into the page flow. */
const IN_FLOW_CSS = `
:host { display: block !important; }
.lens-card { position: relative !important; inset: auto !important; width: auto !important;
  max-width: 36rem !important; max-height: none !important; box-shadow: none !important; animation: none !important; }
`;

export function ShadowCard(props: {
  entity: Entity;
  byId: ReadonlyMap<string, Entity>;
  meta: Meta;
  theme: 'light' | 'dark';
  locale: string;
}) {
  const t = useT();
  const hostRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<ShadowRoot | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const root = rootRef.current ?? host.attachShadow({ mode: 'open' });
    rootRef.current = root;
    const data = buildCardData(props.entity.id, props.byId, props.meta);
    if (!data) return;
    render(
      <I18nProvider t={t}>
        <style>{CARD_CSS + IN_FLOW_CSS}</style>
        <ContextCard
          data={data}
          theme={props.theme}
          locale={props.locale}
          loadCard={(id) => Promise.resolve(buildCardData(id, props.byId, props.meta))}
        />
      </I18nProvider>,
      root,
    );
  }, [props.entity, props.byId, props.meta, props.theme, props.locale, t]);

  useEffect(
    () => () => {
      if (rootRef.current) render(null, rootRef.current);
    },
    [],
  );

  return <div ref={hostRef} class="options__card-host" data-entity={props.entity.id} />;
}
