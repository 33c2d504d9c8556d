/**
 * Guards the layering rule of conventions.md: pure lib/ modules must not reach
 * browser glue, and components never call browser APIs. Lints in-memory
 * snippets with the project's own ESLint config.
 */
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  test.each([
    ["import { send } from '../platform/messaging';\nexport const x = send;\n", 'lib/detect/bad.ts'],
    ["import { browser } from 'wxt/browser';\nexport const x = browser;\n", 'lib/detect/bad.ts'],
    ["import { openDB } from 'idb';\nexport const x = openDB;\n", 'lib/highlights/bad.ts'],
    ["import { x } from '../../components/ContextCard';\nexport const y = x;\n", 'lib/detect/bad.ts'],
  ])('a pure lib module importing glue is an error: %s', async (code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-imports');
  });

  test.each([
    ['export const x = document.title;\n', 'lib/detect/bad.ts'],
    ['export const x = window.location.href;\n', 'lib/factbase/bad.ts'],
    ['export const x = browser.runtime.id;\n', 'lib/detect/bad.ts'],
  ])('a pure lib module touching browser globals is an error: %s', async (code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-globals');
  });

  test('glue folders may use the browser', async () => {
    const code =
      "import { browser } from 'wxt/browser';\nexport const x = () => [browser.runtime.id, document.title];\n";
    expect(await ruleIds(code, 'lib/platform/ok.ts')).toEqual([]);
    expect(await ruleIds(code, 'lib/dom/ok.ts')).toEqual([]);
  });

  test('components never call browser APIs', async () => {
    const code = "import { browser } from 'wxt/browser';\nexport const x = browser.runtime.id;\n";
    expect(await ruleIds(code, 'components/Bad.tsx')).toContain('no-restricted-imports');
  });
});
