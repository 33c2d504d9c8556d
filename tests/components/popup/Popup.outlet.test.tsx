// @vitest-environment happy-dom
/**
 * The popup's outlet line: on a site the fact base lists as an outlet's, a
 * factual line from that record and a button that shows its card. No rating,
 * no score, no adjectives of ours.
 */
import { showKeys } from '../../support/show-keys';
import { describe, expect, test } from 'vitest';
import { mountPoint } from '../../support/mount-point';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import extra1 from '../../../assets/factbase/extra-1.json';
import { Popup, type PopupOutlet, type PopupProps } from '../../../components/popup/Popup';
import { I18nProvider } from '../../../components/ui/I18nProvider';
import { firstSentence, outletFor } from '../../../lib/card/outlet';
import { parseEntities } from '../../../lib/factbase/schema';
import { DEFAULT_SETTINGS } from '../../../lib/settings/model';

const media = parseEntities(extra1, 'extra-1.json');
const point = mountPoint();

function outlet(hostname: string): PopupOutlet | undefined {
  const e = outletFor(hostname, media);
  return (
    e && { id: e.id, name: e.name, line: firstSentence(e.summary), card: <div role="dialog" aria-label={e.name} /> }
  );
}

function mount(hostname: string) {
  const props: PopupProps = {
    page: { kind: 'ready', status: { url: `https://${hostname}/a`, hostname, active: true, entities: [] } },
    settings: DEFAULT_SETTINGS,
    topics: [],
    lookup: () => undefined,
    optionsHref: '#o',
    highlightsHref: '#h',
    onSiteActive: () => undefined,
    onEnabled: () => undefined,
    onReveal: () => undefined,
    onOpenOptions: () => undefined,
    outlet: outlet(hostname),
  };
  act(() =>
    render(
      <I18nProvider t={showKeys}>
        <Popup {...props} />
      </I18nProvider>,
      point.el,
    ),
  );
}

describe('the outlet line', () => {
  test('on tass.com: the outlet, the first sentence of its summary, and a button for its card', () => {
    mount('tass.com');
    const section = point.el.querySelector<HTMLElement>('.popup__outlet')!;
    expect(section.dataset.entity).toBe('tass');
    expect(section.querySelector('h2')?.textContent).toBe('popup_outlet_title');
    expect(section.querySelector('p')?.textContent).toBe("TASS: Russia's government-owned news agency.");
    const button = section.querySelector<HTMLButtonElement>('button')!;
    expect(button.textContent).toBe('popup_outlet_show(TASS)');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(section.querySelector('[role="dialog"]')).toBeNull();
    act(() => button.click());
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(section.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('TASS');
    act(() => button.click());
    expect(section.querySelector('[role="dialog"]')).toBeNull();
  });

  test('a subdomain of an outlet’s host counts; other sites get no line', () => {
    mount('english.news.cn');
    expect(point.el.querySelector<HTMLElement>('.popup__outlet')?.dataset.entity).toBe('xinhua');
    mount('example.org');
    expect(point.el.querySelector('.popup__outlet')).toBeNull();
  });

  test('the line is the fact base’s own words: no score, no rating', () => {
    for (const e of media.filter((m) => m.hosts)) {
      const line = firstSentence(e.summary);
      expect(e.summary.startsWith(line)).toBe(true);
      expect(line).not.toMatch(/\b(?:score|rating|trust(?:ed|worthy)?|reliab\w*|propaganda|biased)\b/i);
    }
  });
});
