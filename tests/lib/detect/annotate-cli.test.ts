/**
 * The command-line twin: `npm run annotate -- [--json] FILE.html ...` prints
 * the mentions of each file with offsets into document.body.textContent.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => `tests/fixtures/dev-set/${name}`;
const cli = (...args: string[]) => run('npx', ['tsx', 'lib/cli/annotate.ts', ...args], { cwd: root });

function bodyTextOf(html: string): string {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  const text = new window.DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  void window.happyDOM.close();
  return text;
}

interface Output {
  [file: string]: { entities: string[]; mentions: { id: string; text: string; start: number; end: number }[] };
}

describe('annotate CLI', () => {
  test('--json prints one object keyed by base name, offsets into body.textContent', async () => {
    const files = ['article-01-summit.html', 'control-02-louis-xi.html'];
    const { stdout } = await cli('--json', ...files.map(fixture));
    const out = JSON.parse(stdout) as Output;
    expect(Object.keys(out)).toEqual(files);
    const { readFileSync } = await import('node:fs');
    const body = bodyTextOf(readFileSync(root + fixture(files[0]!), 'utf8'));
    const summit = out[files[0]!]!;
    expect(summit.mentions.length).toBeGreaterThan(20);
    for (const m of summit.mentions) {
      expect(Object.keys(m).sort()).toEqual(['end', 'id', 'start', 'text']);
      expect(body.slice(m.start, m.end)).toBe(m.text);
    }
    const starts = summit.mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(summit.entities).toEqual([...new Set(summit.mentions.map((m) => m.id))].sort());
    // Every mention, not only the first of each entity.
    expect(summit.mentions.filter((m) => m.id === 'vladimir-putin').length).toBeGreaterThan(3);
    expect(out[files[1]!]).toEqual({ entities: [], mentions: [] });
  }, 60_000);

  test('plain output lists entities and mentions per file', async () => {
    const { stdout } = await cli(fixture('article-10-russian.html'));
    expect(stdout).toContain('article-10-russian.html:');
    expect(stdout).toMatch(/entities: .*vladimir-putin/);
    expect(stdout).toMatch(/\d+-\d+\tvladimir-putin\t"Путина"/);
  }, 60_000);

  test('a missing file is a clear error and the other files are still annotated', async () => {
    const error = await cli('--json', 'no/such/file.html', fixture('article-11-chinese.html')).catch((e: unknown) => e);
    const { stdout, stderr, code } = error as { stdout: string; stderr: string; code: number };
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read no/such/file.html');
    expect(Object.keys(JSON.parse(stdout) as Output)).toEqual(['article-11-chinese.html']);
  }, 60_000);
});
