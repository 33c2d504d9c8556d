/**
 * The fact base as the extension ships it: static JSON imports, validated on
 * first use (a broken file makes bundledFactbase() throw), once.
 */
import { describe, expect, test, vi } from 'vitest';
import { bundledFactbase, BUNDLED_FILES } from '../../../lib/factbase/bundled';
import { ENTITY_FILES } from '../../../lib/factbase/files';
import { readJson } from './helpers';

const bundled = bundledFactbase();

describe('bundled fact base', () => {
  test('imports the same files the CLI reads', () => {
    expect(Object.keys(BUNDLED_FILES)).toEqual([...ENTITY_FILES]);
  });

  test('is validated and holds every entity of those files', () => {
    const total = ENTITY_FILES.reduce((n, f) => n + (readJson(f) as unknown[]).length, 0);
    expect(bundled.entities).toHaveLength(total);
    expect(bundled.meta.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('is validated on first use only, and once', async () => {
    vi.resetModules();
    const load = await import('../../../lib/factbase/load');
    const spy = vi.spyOn(load, 'loadFactbase');
    const fresh = await import('../../../lib/factbase/bundled');
    expect(spy).not.toHaveBeenCalled();
    const first = fresh.bundledFactbase();
    expect(fresh.bundledFactbase()).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });
});
