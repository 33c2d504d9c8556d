/**
 * Which marks may go on the page: settings, relevance and density, judged
 * per entity and cached until `forget`.
 */
import { describe, expect, test } from 'vitest';
import { Admission, quotaOf, type PageRelevance } from '@/lib/dom/admission';
import { DEFAULT_SETTINGS, hideEntity, type Settings } from '@/lib/settings/model';

function setup(settings: Settings | null, relevance: PageRelevance | null) {
  const reserved = new Map<string, number>();
  const state = { settings, relevance };
  const topics: Record<string, string[]> = { 'vladimir-putin': ['people'], 'united-states': ['diplomacy'] };
  const admission = new Admission({
    hostname: 'news.example',
    settings: () => state.settings,
    relevance: () => state.relevance,
    topicsOf: (id) => topics[id] ?? [],
    isContext: (id) => id === 'united-states',
    writer: {
      hasRoom: (id, quota) => (reserved.get(id) ?? 0) < quota,
      reserve: (id) => void reserved.set(id, (reserved.get(id) ?? 0) + 1),
    },
  });
  return { admission, state, reserved };
}

const about: PageRelevance = { shown: true, about: true };

describe('admission', () => {
  test('nothing is admitted until both the settings and the relevance are known', () => {
    expect(setup(null, about).admission.shown('vladimir-putin')).toBe(false);
    expect(setup(DEFAULT_SETTINGS, null).admission.shown('vladimir-putin')).toBe(false);
    expect(setup(DEFAULT_SETTINGS, about).admission.shown('vladimir-putin')).toBe(true);
  });

  test('context entities only on a page about Russia or China, or when the reader asks for marks anyway', () => {
    const notAbout: PageRelevance = { shown: true, about: false };
    expect(setup(DEFAULT_SETTINGS, notAbout).admission.shown('united-states')).toBe(false);
    expect(setup(DEFAULT_SETTINGS, notAbout).admission.shown('vladimir-putin')).toBe(true);
    expect(setup(DEFAULT_SETTINGS, { shown: false, about: false, anyway: true }).admission.shown('united-states')).toBe(
      true,
    );
    expect(setup(DEFAULT_SETTINGS, { shown: false, about: false }).admission.shown('vladimir-putin')).toBe(false);
  });

  test('density: admit reserves a place until the quota is reached; hasRoom reserves nothing', () => {
    const first: Settings = { ...DEFAULT_SETTINGS, density: { mode: 'first-n', n: 2 } };
    const { admission, reserved } = setup(first, about);
    expect(admission.hasRoom('vladimir-putin')).toBe(true);
    expect(reserved.size).toBe(0);
    expect([
      admission.admit('vladimir-putin'),
      admission.admit('vladimir-putin'),
      admission.admit('vladimir-putin'),
    ]).toEqual([true, true, false]);
    expect(quotaOf({ ...DEFAULT_SETTINGS, density: { mode: 'all', n: 1 } })).toBe(Infinity);
    expect(quotaOf({ ...DEFAULT_SETTINGS, density: { mode: 'first-n', n: 0 } })).toBe(1);
  });

  test('verdicts are cached until forget: a hidden entity stays shown until then', () => {
    const { admission, state } = setup(DEFAULT_SETTINGS, about);
    expect(admission.shown('vladimir-putin')).toBe(true);
    state.settings = hideEntity(DEFAULT_SETTINGS, 'news.example', 'vladimir-putin');
    expect(admission.shown('vladimir-putin')).toBe(true);
    admission.forget();
    expect(admission.shown('vladimir-putin')).toBe(false);
  });
});
