// @vitest-environment happy-dom
/**
 * Text extraction shared by the content script and the command-line tool, and
 * detection over its blocks.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { aliasTable } from '../../../lib/detect/bundled-table';
import { createDetector, newPageState } from '../../../lib/detect/detector';
import { resolveWithNlp } from '../../../lib/detect/nlp-resolve';
import type { Candidate } from '../../../lib/detect/types';
import { detectBlocks, withinOneNode } from '../../../lib/dom/detect-blocks';
import { collectTextBlocks, listPlainUnit, readPlainUnit } from '../../../lib/dom/text-blocks';

const detector = createDetector(aliasTable);
const nlp = async (p: Candidate[]) => resolveWithNlp(p);

/** Builds the test DOM from markup we write here (never page text). */
function setBody(html: string): void {
  document.body.innerHTML = html;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('collectTextBlocks', () => {
  test('groups the text nodes of one block, across inline elements', () => {
    setBody('<p>Xi <b>Jinping</b> met <a href="#">Vladimir Putin</a>.</p><p>Second.</p>');
    const blocks = collectTextBlocks(document.body);
    expect(blocks.map((b) => b.text)).toEqual(['Xi Jinping met Vladimir Putin.', 'Second.']);
    const first = blocks[0]!;
    expect(first.parts.map((p) => [p.node.data, p.start, p.end])).toEqual([
      ['Xi ', 0, 3],
      ['Jinping', 3, 10],
      [' met ', 10, 15],
      ['Vladimir Putin', 15, 29],
      ['.', 29, 30],
    ]);
  });

  test.each([
    ['input', '<input value="Putin">'],
    ['textarea', '<textarea>Putin</textarea>'],
    ['select', '<select><option>Putin</option></select>'],
    ['contenteditable', '<div contenteditable="true">Putin</div>'],
    ['contenteditable (empty value)', '<div contenteditable>Putin</div>'],
    ['script', '<script>var Putin = 1;</script>'],
    ['style', '<style>.Putin{}</style>'],
    ['noscript', '<noscript>Putin</noscript>'],
    ['code', '<code>Putin</code>'],
    ['pre', '<pre>Putin</pre>'],
    ['svg', '<svg><text>Putin</text></svg>'],
    ['math', '<math><mi>Putin</mi></math>'],
    ['template', '<template><p>Putin</p></template>'],
    ['our mentions', '<lens-mention data-entity="vladimir-putin">Putin</lens-mention>'],
    ['other lens-* elements', '<lens-card>Putin</lens-card>'],
  ])('skips %s', (_name, html) => {
    setBody(`<p>Before.</p>${html}<p>After.</p>`);
    const text = collectTextBlocks(document.body)
      .map((b) => b.text)
      .join('|');
    expect(text).not.toContain('Putin');
    expect(text).toContain('Before.');
    expect(text).toContain('After.');
  });

  test('keeps contenteditable="false" and skips our own UI by predicate', () => {
    setBody('<div contenteditable="false">Moscow</div><aside class="ours">Beijing</aside><p>Kazakhstan</p>');
    const blocks = collectTextBlocks(document.body, { isOwnUi: (el) => el.classList.contains('ours') });
    expect(blocks.map((b) => b.text)).toEqual(['Moscow', 'Kazakhstan']);
  });

  test('line breaks, list items and table cells end a block', () => {
    setBody(
      '<div>Moscow<br>Beijing<ul><li>One</li><li>Two</li></ul><table><tr><td>A</td><td>B</td></tr></table></div>',
    );
    expect(collectTextBlocks(document.body).map((b) => b.text)).toEqual(['Moscow', 'Beijing', 'One', 'Two', 'A', 'B']);
  });

  test('drops blocks of white space only and works on a detached subtree', () => {
    const root = document.createElement('section');
    root.append(document.createTextNode('  \n '), document.createElement('p'));
    root.querySelector('p')!.textContent = 'Russia';
    expect(collectTextBlocks(root).map((b) => b.text)).toEqual(['Russia']);
  });
});

describe('readPlainUnit', () => {
  /** One unit (a div with text of its own), read both ways. */
  function both(html: string): { whole: string | null; walked: string } {
    setBody(`<div id="u">${html}</div>`);
    const unit = document.getElementById('u')!;
    return {
      whole: readPlainUnit(unit),
      walked: collectTextBlocks(unit)
        .map((b) => b.text)
        .join('|'),
    };
  }

  test.each([
    ['plain text', 'Vladimir Putin met Xi Jinping.'],
    [
      'inline elements, nested',
      'Chinese leader <b>Xi <i>Jinping</i></b> met <a href="#">Putin</a> in <span>the <em>Kremlin</em></span>.',
    ],
    [
      'Cyrillic and Han, entities and a comment',
      'Путин &amp; 习近平 <!-- note --><q>встретились</q>&nbsp;в&nbsp;Москве',
    ],
    [
      'dates, marks and sub/superscripts',
      '<time>2023</time> <mark>Power of Siberia</mark> <sup>1</sup><small>x</small>',
    ],
    ['white space only', ' \n '],
  ])('reads what the walk reads: %s', (_, html) => {
    const { whole, walked } = both(html);
    expect(whole).not.toBeNull();
    // The walk drops a block of white space only; the annotator skips such text either way.
    expect(whole!.trim() === '' ? '' : whole).toBe(walked);
  });

  test.each([
    ['a line break (ends a block)', 'Moscow<br>Beijing'],
    ['an image (ends a block)', 'Moscow <img alt="x"> Beijing'],
    ['code', 'Run <code>Putin()</code> now'],
    ['keyboard input', 'Press <kbd>SCO</kbd>'],
    ['a form field', 'Name <input value="Putin">'],
    ['an editable span', 'Say <span contenteditable="true">Putin</span>'],
    ['our mark', 'Met <lens-mention data-entity="vladimir-putin">Putin</lens-mention>'],
    ['a custom element', 'Met <x-name>Putin</x-name>'],
    ['a script', 'Met <script>var Putin</script>him'],
    ['a block inside', 'Lead <div>Putin</div>'],
  ])('leaves the walk to anything that is not plain inline text: %s', (_, html) => {
    expect(both(html).whole).toBeNull();
  });

  test('a shadow root on the unit or on a span inside it sends the unit to the walk (which notes the root)', () => {
    setBody('<p id="a">Text <span id="s">here</span>.</p><p id="b">Own root</p>');
    const a = document.getElementById('a')!;
    expect(readPlainUnit(a)).toBe('Text here.');
    document.getElementById('s')!.attachShadow({ mode: 'open' }).innerHTML = '<b>Xi Jinping</b>';
    expect(readPlainUnit(a)).toBeNull();
    const b = document.getElementById('b')!;
    b.attachShadow({ mode: 'open' });
    expect(readPlainUnit(b)).toBeNull();
  });

  test('listPlainUnit lists the same text nodes and offsets as the walk, and gives up once the unit is not plain', () => {
    setBody(
      '<div id="u">Chinese leader <b>Xi <i>Jinping</i></b> met <a href="#">Putin</a><!-- c --> in <span>Moscow</span>.</div>',
    );
    const unit = document.getElementById('u')!;
    const listed = listPlainUnit(unit)!;
    const [walked] = collectTextBlocks(unit);
    expect(listed.text).toBe(walked!.text);
    expect(listed.parts.map((p) => [p.node, p.start, p.end])).toEqual(
      walked!.parts.map((p) => [p.node, p.start, p.end]),
    );
    unit.append(document.createElement('br'), 'After.');
    expect(listPlainUnit(unit)).toBeNull();
    setBody('<div id="e"><b></b></div>');
    expect(listPlainUnit(document.getElementById('e')!)).toBeNull();
  });

  test('a unit that is itself skipped is not read', () => {
    setBody('<pre id="u">Putin</pre>');
    expect(readPlainUnit(document.getElementById('u')!)).toBeNull();
  });
});

describe('detectBlocks', () => {
  test('finds mentions with offsets inside block text, in document order', async () => {
    setBody('<h1>Xi Visits Moscow</h1><p>Chinese leader <b>Xi Jinping</b> met Vladimir Putin in the Kremlin.</p>');
    const blocks = collectTextBlocks(document.body);
    const found = await detectBlocks(blocks, detector, newPageState(), nlp);
    expect(found.map(({ mention }) => `${mention.id}:${mention.text}`)).toEqual([
      'xi-jinping:Xi',
      'moscow:Moscow',
      'xi-jinping:Xi Jinping',
      'vladimir-putin:Vladimir Putin',
      'kremlin:Kremlin',
    ]);
    for (const { block, mention } of found) expect(block.text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  test('drops a mention that crosses a text-node boundary', async () => {
    setBody('<p>Xi <b>Jinping</b> met Vladimir Putin.</p>');
    const found = await detectBlocks(collectTextBlocks(document.body), detector, newPageState(), nlp);
    expect(found.map(({ mention }) => mention.text)).toEqual(['Vladimir Putin']);
    const block = collectTextBlocks(document.body)[0]!;
    expect(withinOneNode(block, 0, 10)).toBe(false);
    expect(withinOneNode(block, 15, 29)).toBe(true);
  });

  test('resolves all uncertain candidates of the page in one batch', async () => {
    setBody('<p>US, EU WEIGH NEW SANCTIONS</p><p>Moscow</p><p>THEY TOLD US TO WAIT</p>');
    const batches: Candidate[][] = [];
    const found = await detectBlocks(collectTextBlocks(document.body), detector, newPageState(), async (p) => {
      batches.push(p);
      return resolveWithNlp(p);
    });
    expect(batches).toHaveLength(1);
    expect(batches[0]!.length).toBeGreaterThanOrEqual(2);
    expect(found.map(({ mention }) => `${mention.id}:${mention.text}`)).toContain('united-states:US');
  });

  test('a Chinese phrase the resolver refuses still names what stands alone in it', async () => {
    // 俄罗斯石油 is Rosneft or "Russian oil": refused, it still names Russia; accepted, it is the company.
    setBody('<p>中国则能通过该管道引进更多的俄罗斯石油,减少对煤炭的依赖。</p>');
    const blocks = collectTextBlocks(document.body);
    const asked: Candidate[] = [];
    const refusing = await detectBlocks(blocks, detector, newPageState(), async (p) => {
      asked.push(...p);
      return p.map(() => false);
    });
    expect(asked.map((c) => `${c.id}:${c.text}`)).toEqual(['rosneft:俄罗斯石油']);
    expect(refusing.map(({ mention }) => `${mention.id}:${mention.text}`)).toEqual(['china:中国', 'russia:俄罗斯']);
    const accepting = await detectBlocks(blocks, detector, newPageState(), async (p) => p.map(() => true));
    expect(accepting.map(({ mention }) => `${mention.id}:${mention.text}`)).toEqual([
      'china:中国',
      'rosneft:俄罗斯石油',
    ]);
  });

  test('the page state carries across blocks: a short form after the full name needs no resolver', async () => {
    setBody('<p>Mao Zedong met Stalin in Moscow.</p><p>Mao returned in February.</p><p>Mao was a common name.</p>');
    let asked = 0;
    const page = newPageState();
    const found = await detectBlocks(collectTextBlocks(document.body), detector, page, async (p) => {
      asked += p.length;
      return p.map(() => false);
    });
    expect(found.map(({ mention }) => `${mention.id}:${mention.text}`)).toEqual([
      'mao-zedong:Mao Zedong',
      'joseph-stalin:Stalin',
      'moscow:Moscow',
      'mao-zedong:Mao',
      'mao-zedong:Mao',
    ]);
    expect(page.seen.has('mao-zedong')).toBe(true);
    expect(asked).toBe(0);
  });

  test('a short form before the full name is found too, whatever the block order (bug: scan order changed results)', async () => {
    setBody('<p>Mao returned in February.</p><p>Mao Zedong met Stalin in Moscow.</p><p>Mao again.</p>');
    const blocks = collectTextBlocks(document.body);
    const never = async (p: Candidate[]) => p.map(() => false);
    const show = (found: Awaited<ReturnType<typeof detectBlocks>>) =>
      found.map(({ block, mention }) => `${blocks.indexOf(block)}:${mention.start}:${mention.id}`).sort();
    const inOrder = show(await detectBlocks(blocks, detector, newPageState(), never));
    expect(inOrder).toEqual([
      '0:0:mao-zedong',
      '1:0:mao-zedong',
      '1:15:joseph-stalin',
      '1:25:moscow',
      '2:0:mao-zedong',
    ]);
    const reversed = show(await detectBlocks([...blocks].reverse(), detector, newPageState(), never));
    expect(reversed).toEqual(inOrder);
  });
});
