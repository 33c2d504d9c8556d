/**
 * Static half of "never phones home": the extension's own code names no network
 * API and loads no remote code, and the built manifest keeps Chrome's strict
 * default content security policy and the fewest permissions.
 *
 * The end-to-end half (tests/e2e/network.e2e.ts) watches the requests a running
 * browser makes; this file catches the code that could make one before it runs.
 */
import { describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');
const OUTPUT = join(ROOT, '.output/chrome-mv3');

/** Folders whose code ships in the extension. lib/cli is Node tooling that never ships. */
const SHIPPED_DIRS = ['entrypoints', 'lib', 'components'];
const EXCLUDED = [join(ROOT, 'lib/cli')];
const CODE_EXT = new Set(['.ts', '.tsx', '.js', '.mjs', '.jsx']);
const MARKUP_EXT = new Set(['.html', '.css']);

/** Browser APIs that send or receive over the network. */
const NETWORK_APIS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'sendBeacon',
  'EventSource',
  'importScripts',
  'RTCPeerConnection',
  'WebTransport',
];

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (EXCLUDED.some((x) => path === x || path.startsWith(`${x}/`))) continue;
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

interface Finding {
  file: string;
  line: number;
  what: string;
}

/**
 * Scans one TypeScript/JavaScript file through its syntax tree, so comments and
 * JSX text (which may well say "we never call fetch") do not count, while
 * identifiers and string literals do.
 */
export function scanCode(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  const kind = /\.[jt]sx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const add = (node: ts.Node, what: string) =>
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, what });
  const isRemote = (node: ts.Node | undefined): node is ts.StringLiteralLike =>
    !!node && ts.isStringLiteralLike(node) && /^(https?:)?\/\//i.test(node.text);
  /** Whether an expression is a call of `….runtime.getURL(…)`: a URL of the extension's own files. */
  const isOwnUrlCall = (e: ts.Expression | undefined): boolean =>
    !!e && ts.isCallExpression(e) && /\bruntime\.getURL\b/.test(e.expression.getText(sf));
  /** `fetch(x)` where x is our own file: `fetch(browser.runtime.getURL(…))` or `const x = browser.runtime.getURL(…)`. */
  const fetchesOwnFile = (id: ts.Identifier): boolean => {
    const call = id.parent;
    if (!ts.isCallExpression(call) || call.expression !== id) return false;
    const arg = call.arguments[0];
    if (isOwnUrlCall(arg)) return true;
    if (!arg || !ts.isIdentifier(arg)) return false;
    let own = false;
    const find = (n: ts.Node): void => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === arg.text) {
        own = isOwnUrlCall(n.initializer);
      }
      ts.forEachChild(n, find);
    };
    find(sf);
    return own;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NETWORK_APIS.includes(node.text) && !(node.text === 'fetch' && fetchesOwnFile(node))) {
      add(node, `network API ${node.text}`);
    }
    if (ts.isStringLiteralLike(node) && NETWORK_APIS.includes(node.text)) {
      add(node, `network API named by string "${node.text}"`);
    }
    // A remote module: `import … from 'https://…'`, `export … from 'https://…'`.
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && isRemote(node.moduleSpecifier)) {
      add(node, `remote code URL ${node.moduleSpecifier.text}`);
    }
    if (ts.isCallExpression(node)) {
      const [first, second] = node.arguments;
      // `import('https://…')`
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && isRemote(first)) {
        add(node, `remote code URL ${first.text}`);
      }
      // `el.setAttribute('src', 'https://…')`
      if (
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'setAttribute' &&
        first &&
        ts.isStringLiteralLike(first) &&
        /^(src|href)$/i.test(first.text) &&
        isRemote(second)
      ) {
        add(node, `remote code URL ${second.text}`);
      }
    }
    // `new Worker('https://…')`
    if (ts.isNewExpression(node) && isRemote(node.arguments?.[0])) {
      add(node, `remote code URL ${(node.arguments![0] as ts.StringLiteralLike).text}`);
    }
    // `script.src = 'https://…'`
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      /^(src|href)$/i.test(node.left.name.text) &&
      isRemote(node.right)
    ) {
      add(node, `remote code URL ${node.right.text}`);
    }
    // JSX `<script src="https://…">`, `<link href="https://…">`
    if (ts.isJsxAttribute(node) && /^(src|href)$/i.test(node.name.getText(sf)) && isRemote(node.initializer)) {
      const tag = node.parent.parent;
      const tagName = ts.isJsxOpeningLikeElement(tag) ? tag.tagName.getText(sf) : '';
      if (/^(script|link|iframe|img|object|embed)$/i.test(tagName))
        add(node, `remote <${tagName}> ${node.initializer.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

/** HTML and CSS: remote scripts, styles, fonts or imports. */
export function scanMarkup(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  const patterns: [RegExp, string][] = [
    [/<script\b[^>]*\bsrc\s*=\s*["']?\s*(https?:)?\/\//gi, 'remote <script src>'],
    [/<link\b[^>]*\bhref\s*=\s*["']?\s*(https?:)?\/\//gi, 'remote <link href>'],
    [/<(iframe|img|object|embed)\b[^>]*\bsrc\s*=\s*["']?\s*(https?:)?\/\//gi, 'remote embedded resource'],
    [/@import\s+(url\()?\s*["']?\s*(https?:)?\/\//gi, 'remote CSS @import'],
    [/url\(\s*["']?\s*(https?:)?\/\//gi, 'remote CSS url()'],
  ];
  for (const [re, what] of patterns) {
    for (const m of source.matchAll(re)) {
      findings.push({ file, line: source.slice(0, m.index).split('\n').length, what });
    }
  }
  // Inline scripts in HTML are code too.
  if (file.endsWith('.html')) {
    for (const m of source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      findings.push(...scanCode(`${file} (inline script)`, m[1] ?? ''));
    }
  }
  return findings;
}

function shippedSources(): string[] {
  return SHIPPED_DIRS.flatMap((d) => walk(join(ROOT, d))).filter(
    (f) => CODE_EXT.has(extname(f)) || MARKUP_EXT.has(extname(f)),
  );
}

function format(findings: Finding[]): string[] {
  return findings.map((f) => `${relative(ROOT, f.file)}:${f.line} ${f.what}`);
}

describe('the scanner itself', () => {
  // Guards against a scanner that silently finds nothing.
  test.each([
    ['const r = await fetch(url);', 'network API fetch'],
    ['const x = new XMLHttpRequest();', 'network API XMLHttpRequest'],
    ['new WebSocket("wss://example.org")', 'network API WebSocket'],
    ['navigator.sendBeacon("/t", data)', 'network API sendBeacon'],
    ['const s = new EventSource("/s")', 'network API EventSource'],
    ['globalThis["fetch"]("/x")', 'network API named by string "fetch"'],
    ["import lib from 'https://cdn.example.org/lib.js';", 'remote code URL https://cdn.example.org/lib.js'],
    ["await import('https://cdn.example.org/lib.js');", 'remote code URL https://cdn.example.org/lib.js'],
    ["script.src = 'https://cdn.example.org/x.js';", 'remote code URL https://cdn.example.org/x.js'],
    ["el.setAttribute('src', '//cdn.example.org/x.js');", 'remote code URL //cdn.example.org/x.js'],
    ["new Worker('https://cdn.example.org/w.js');", 'remote code URL https://cdn.example.org/w.js'],
    ['const t = `a ${b} c`; fetch(t);', 'network API fetch'],
    ["const u = 'https://example.org/x'; fetch(u);", 'network API fetch'],
    ["const u = new URL('/x', location.href); fetch(u.href);", 'network API fetch'],
  ])('finds %s', (code, what) => {
    expect(scanCode('x.ts', code).map((f) => f.what)).toContain(what);
  });

  test.each([
    ['// we never call fetch( here\nconst a = 1;'],
    ['/* XMLHttpRequest, WebSocket */ const b = 2;'],
    ["const source = { url: 'https://example.org/report' };"],
    ["const ns = 'http://www.w3.org/2000/svg';"],
    ['const fetched = prefetchCount + 1;'],
    ['const el = <p>We never fetch anything; no WebSocket either.</p>;'],
    ['const a = <a href="https://example.org/source">source</a>;'],
    // Reading the extension's own files is not network.
    ["const u = browser.runtime.getURL('/highlights.html'); await fetch(u, { method: 'HEAD' });"],
    ["const u = (browser.runtime.getURL as (p: string) => string)('/x.html'); await fetch(u);"],
    ["await fetch(browser.runtime.getURL('/data.json'));"],
  ])('ignores %s', (code) => {
    expect(scanCode('x.tsx', code)).toEqual([]);
  });

  test('finds a remote script in JSX', () => {
    expect(scanCode('x.tsx', 'const s = <script src="https://cdn.example.org/a.js" />;').map((f) => f.what)).toEqual([
      'remote <script> https://cdn.example.org/a.js',
    ]);
  });

  test('finds remote markup and inline script calls', () => {
    const html =
      '<link rel="stylesheet" href="https://fonts.example.org/a.css"><script src="//cdn.example.org/a.js"></script>' +
      '<script>fetch("/ping")</script><style>@import url("https://x.org/y.css");</style>';
    expect(scanMarkup('p.html', html).map((f) => f.what)).toEqual(
      expect.arrayContaining(['remote <script src>', 'remote <link href>', 'remote CSS @import', 'network API fetch']),
    );
    expect(scanMarkup('p.html', '<script type="module" src="./main.tsx"></script><link href="./a.css">')).toEqual([]);
  });
});

describe('shipped source', () => {
  const files = shippedSources();

  test('covers the entrypoints, lib and components', () => {
    const rel = files.map((f) => relative(ROOT, f));
    expect(rel.some((f) => f.startsWith('entrypoints/'))).toBe(true);
    expect(rel.some((f) => f.startsWith('lib/'))).toBe(true);
    expect(rel.some((f) => f.startsWith('components/'))).toBe(true);
    expect(rel.some((f) => f.startsWith('lib/cli/'))).toBe(false);
  });

  test('names no network API and loads no remote code', () => {
    const findings = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return CODE_EXT.has(extname(file)) ? scanCode(file, source) : scanMarkup(file, source);
    });
    expect(format(findings)).toEqual([]);
  });
});

/** Reads the built Chrome manifest, building the extension first when there is none. */
function builtManifest(): Record<string, unknown> {
  const path = join(OUTPUT, 'manifest.json');
  if (!existsSync(path)) {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 180_000 });
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** The permissions we accept, each with its reason (the README's Privacy section says the same). */
const ALLOWED_PERMISSIONS: Record<string, string> = {
  storage: 'reader settings and saved highlights, kept in the browser',
  contextMenus: '"Save highlight" on a text selection',
};

describe('built manifest', () => {
  test(
    'keeps the default content security policy, asks for no hosts and the fewest permissions',
    { timeout: 200_000 },
    () => {
      const manifest = builtManifest();
      expect(manifest.manifest_version).toBe(3);
      // No override: Chrome's default extension CSP forbids remote and inline script.
      expect(manifest).not.toHaveProperty('content_security_policy');
      expect(manifest).not.toHaveProperty('host_permissions');
      expect(manifest).not.toHaveProperty('optional_host_permissions');
      expect(manifest).not.toHaveProperty('externally_connectable');
      expect(manifest).not.toHaveProperty('update_url');
      const permissions = (manifest.permissions as string[] | undefined) ?? [];
      const optional = (manifest.optional_permissions as string[] | undefined) ?? [];
      expect([...permissions, ...optional].filter((p) => !(p in ALLOWED_PERMISSIONS))).toEqual([]);
      // Every permission is declared in wxt.config.ts together with a comment giving its reason.
      const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
      for (const p of permissions) {
        expect(config, `wxt.config.ts gives no reason for "${p}"`).toMatch(new RegExp(`//[^\\n]*\\b${p}\\s*:`));
      }
    },
  );

  test("the README's Privacy section names every permission with a reason", () => {
    const manifest = builtManifest();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const privacy = /^## Privacy\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1];
    expect(privacy, 'README.md has a "## Privacy" section').toBeTruthy();
    expect(privacy).toMatch(/no network|never .*network|makes no .*request/i);
    for (const p of (manifest.permissions as string[] | undefined) ?? []) {
      // A table row that names the permission in code style and gives a reason beside it.
      expect(privacy, `Privacy section on "${p}"`).toMatch(new RegExp(`\`${p}\`[^\n]*\\|[^\n]*\\w{3,}`));
    }
    // The content script's reach is a permission in all but name: it must be explained too.
    if (JSON.stringify(manifest.content_scripts ?? []).includes('<all_urls>')) expect(privacy).toContain('<all_urls>');
  });

  test('the built bundle uses no network API except to read our own files', { timeout: 200_000 }, () => {
    builtManifest();
    const files = walk(OUTPUT).filter((f) => ['.js', '.html', '.css'].includes(extname(f)));
    expect(files.length).toBeGreaterThan(0);
    const findings: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8')
        // Vite's module-preload polyfill fetches <link rel="modulepreload"> hrefs: our own chunks.
        .replace(
          /(modulepreload[\s\S]{0,800}?)fetch\((\w+)\.href,\s*\w+\)/g,
          (_m, before: string) => `${before}OWN_CHUNK()`,
        )
        // A fetch of a URL made by runtime.getURL just before it: one of our own files (WXT's
        // shadow-root UI loading its CSS, the popup checking for the highlights page).
        .replace(
          /(\b(\w+)=[\w.$]*\.getURL\([^)]*\);[^;]{0,80}?)fetch\(\2\b/g,
          (_m, before: string) => `${before}OWN_FILE(`,
        )
        // @webext-core/isolated-element can fetch its CSS from a URL; WXT always hands it the CSS
        // text instead ({ textContent }), so this branch never runs.
        .replace(/`url`in (\w+)\?yield fetch\(\1\.url\)/g, 'UNUSED_CSS_URL_BRANCH');
      const re = new RegExp(`\\b(${NETWORK_APIS.join('|')})\\b`, 'g');
      for (const m of source.matchAll(re)) {
        findings.push(`${relative(ROOT, file)}: ${source.slice(Math.max(0, m.index - 60), m.index + 40)}`);
      }
      for (const m of source.matchAll(/\bimport\s*\(\s*["'`](https?:)?\/\//g)) {
        findings.push(`${relative(ROOT, file)}: remote import ${source.slice(m.index, m.index + 80)}`);
      }
      if (file.endsWith('.html')) findings.push(...format(scanMarkup(file, source)));
    }
    expect(findings).toEqual([]);
  });
});
