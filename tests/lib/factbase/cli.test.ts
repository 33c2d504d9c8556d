/**
 * `npm run factbase`: the public JSON shape, the human summary and the failure
 * path, run in-process against copies of the data in a temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runFactbaseCli } from '../../../lib/cli/factbase';
import { ENTITY_FILES } from '../../../lib/factbase/files';
import { readJson, readText } from './helpers';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A folder holding meta.json, the catalogue and empty extra files (or the given replacements). */
function dataDir(overrides: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lens-factbase-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'meta.json'), readText('meta.json'));
  writeFileSync(join(dir, 'catalogue.json'), readText('catalogue.json'));
  for (const f of ENTITY_FILES) if (f !== 'catalogue.json') writeFileSync(join(dir, f), '[]\n');
  for (const [f, text] of Object.entries(overrides)) writeFileSync(join(dir, f), text);
  return dir;
}

describe('factbase CLI', () => {
  test('--json prints one array of records with exactly the public keys', () => {
    const result = runFactbaseCli(['--json', '--dir', dataDir()]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const records = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(records).toHaveLength((readJson('catalogue.json') as unknown[]).length);
    for (const r of records) {
      expect(Object.keys(r)).toEqual(['id', 'name', 'type', 'topics', 'aliases', 'summary', 'facts', 'related']);
      for (const f of r.facts as Record<string, Record<string, unknown>>[]) {
        expect(Object.keys(f)).toEqual(['text', 'asOf', 'source']);
        const keys = Object.keys(f.source!);
        expect(keys).toEqual(f.source!.kind === 'seed' ? ['kind', 'quote'] : ['kind', 'quote', 'url', 'title']);
      }
    }
  });

  test('without --json it prints version, review date and counts by topic and type', () => {
    const result = runFactbaseCli(['--dir', dataDir()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('fact base 1.1.0, reviewed 2026-12-06');
    expect(result.stdout).toMatch(
      /Coverage of the real-text corpus's China–Russia pages: \d+ of \d+ named things have an entity \(\d+\.\d %\)/,
    );
    expect(result.stdout).toMatch(/^ {2}Trade & finance +\d+$/m);
    expect(result.stdout).toMatch(/^ {2}person +\d+$/m);
  });

  test('invalid data: exit code 1 and the error on stderr', () => {
    const catalogue = readJson('catalogue.json') as { id: string; summary: string }[];
    catalogue[0]!.summary = '';
    const result = runFactbaseCli(['--json', '--dir', dataDir({ 'catalogue.json': JSON.stringify(catalogue) })]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`catalogue.json: entity "${catalogue[0]!.id}", field "summary"`);
  });

  test('unreadable JSON is reported with the file name', () => {
    const result = runFactbaseCli(['--dir', dataDir({ 'extra-1.json': '[{' })]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^extra-1\.json: invalid JSON/);
  });
});
