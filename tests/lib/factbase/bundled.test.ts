/**
 * The fact base as the extension ships it: static JSON imports, validated when
 * the module loads (a broken file makes this import throw).
 */
import { describe, expect, test } from 'vitest';
import { factbase as bundled, BUNDLED_FILES } from '../../../lib/factbase/bundled';
import { ENTITY_FILES } from '../../../lib/factbase/files';
import { readJson } from './helpers';

describe('bundled fact base', () => {
  test('imports the same files the CLI reads', () => {
    expect(Object.keys(BUNDLED_FILES)).toEqual([...ENTITY_FILES]);
  });

  test('is validated and holds every entity of those files', () => {
    const total = ENTITY_FILES.reduce((n, f) => n + (readJson(f) as unknown[]).length, 0);
    expect(bundled.entities).toHaveLength(total);
    expect(bundled.meta.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
