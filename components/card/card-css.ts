/**
 * Styles of the context card. In the page they live inside the card's shadow
 * root (page CSS cannot reach them, and they cannot leak out); the options
 * page may include them to preview a card. Sizes are in rem so page zoom and
 * the reader's font size apply; colours meet 4.5:1 contrast in both themes.
 */
export const CARD_CSS = `
:host { all: initial !important; }
html, body { all: initial; display: block; }

.lens-card, .lens-card * { box-sizing: border-box; }
.lens-card {
  --lc-bg: #ffffff;
  --lc-fg: #1b1c1e;
  --lc-muted: #4b4f56;
  --lc-link: #0b57d0;
  --lc-border: #b9bec7;
  --lc-chip-bg: #eef1f5;
  --lc-accent-bg: #e3ecfb;
  --lc-focus: #0b57d0;
  --lc-line: #0b57d0;
  --lc-grid: #d5d9df;
  --lc-shadow: 0 0.25rem 1.25rem rgba(0, 0, 0, 0.18);
  color-scheme: light;
  position: fixed;
  top: 0;
  left: 0;
  z-index: 2147483647;
  display: flex;
  flex-direction: column;
  width: 24rem;
  max-width: calc(100vw - 1rem);
  /* Compact like a preview; the floating code narrows it further to the space next to the mention. */
  max-height: min(32rem, var(--lc-avail-h, calc(100vh - 1rem)));
  margin: 0;
  padding: 0;
  overflow: hidden;
  background: var(--lc-bg);
  color: var(--lc-fg);
  border: 0.0625rem solid var(--lc-border);
  border-radius: 0.5rem;
  box-shadow: var(--lc-shadow);
  font: 400 0.875rem/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif;
  text-align: start;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  text-indent: 0;
  white-space: normal;
  overflow-wrap: anywhere;
  animation: lens-card-in 120ms ease-out;
}
.lens-card[data-theme='dark'] {
  --lc-bg: #1d1f23;
  --lc-fg: #eef0f3;
  --lc-muted: #bfc4cc;
  --lc-link: #8ab4f8;
  --lc-border: #4a4f58;
  --lc-chip-bg: #2c3037;
  --lc-accent-bg: #233249;
  --lc-focus: #8ab4f8;
  --lc-line: #8ab4f8;
  --lc-grid: #3a3f47;
  --lc-shadow: 0 0.25rem 1.25rem rgba(0, 0, 0, 0.6);
  color-scheme: dark;
}
.lens-card[data-placed='false'] { visibility: hidden; }
@keyframes lens-card-in { from { opacity: 0; transform: translateY(0.25rem); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .lens-card { animation: none; } }

.lc-scroll { overflow: auto; padding: 0.75rem 0.875rem 0.5rem; flex: 1 1 auto; min-height: 0; }
.lc-head { display: flex; align-items: flex-start; gap: 0.5rem; }
.lc-name { flex: 1 1 auto; margin: 0; font-size: 1.0625rem; font-weight: 650; line-height: 1.3; color: var(--lc-fg); }
.lc-name:focus { outline: none; }
.lc-name:focus-visible { outline: 0.125rem solid var(--lc-focus); outline-offset: 0.125rem; }
.lc-tools { display: flex; gap: 0.25rem; flex: 0 0 auto; }

.lens-card button {
  all: unset;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 0.25rem;
  min-height: 1.75rem;
  padding: 0.125rem 0.5rem;
  border: 0.0625rem solid var(--lc-border);
  border-radius: 0.375rem;
  background: var(--lc-bg);
  color: var(--lc-fg);
  font: inherit;
  line-height: 1.2;
  cursor: pointer;
  text-align: center;
}
.lens-card button:hover { background: var(--lc-chip-bg); }
.lens-card button[aria-pressed='true'] { background: var(--lc-accent-bg); border-color: var(--lc-link); }
.lens-card button:disabled { cursor: default; opacity: 1; color: var(--lc-muted); }
.lens-card button:focus-visible, .lens-card a:focus-visible {
  outline: 0.125rem solid var(--lc-focus);
  outline-offset: 0.0625rem;
}
.lc-svg-icon { width: 1rem; height: 1rem; fill: none; stroke: currentColor; stroke-width: 1.5; stroke-linecap: round; stroke-linejoin: round; }
.lens-card .lc-icon { min-width: 1.75rem; padding: 0.125rem 0.25rem; font-size: 1rem; }
.lens-card .lc-back { margin-bottom: 0.5rem; }

.lens-card a { color: var(--lc-link); text-decoration: underline; text-underline-offset: 0.125rem; cursor: pointer; }

.lc-chips { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0.5rem 0 0; padding: 0; }
.lc-chips li { display: block; margin: 0; padding: 0; }
.lc-chip { display: inline-block; padding: 0.0625rem 0.5rem; border-radius: 62rem; background: var(--lc-chip-bg); color: var(--lc-fg); font-size: 0.75rem; line-height: 1.5; }
.lc-chip.lc-type { background: transparent; border: 0.0625rem solid var(--lc-border); }
.lens-card button.lc-related { border-radius: 62rem; min-height: 1.5rem; font-size: 0.8125rem; background: var(--lc-chip-bg); }

.lc-native { margin: 0.5rem 0 0; color: var(--lc-fg); }
.lc-native span[lang] { font-weight: 500; }
.lc-label { color: var(--lc-muted); }
.lc-summary { margin: 0.5rem 0 0; }

.lc-section { margin: 0.75rem 0 0; }
.lc-sub { margin: 0 0 0.25rem; font-size: 0.75rem; font-weight: 650; text-transform: uppercase; letter-spacing: 0.04em; color: var(--lc-muted); }
.lc-facts { margin: 0; padding: 0 0 0 1.125rem; list-style: disc; }
.lc-facts > li { display: list-item; margin: 0 0 0.5rem; padding: 0; }
.lc-fact { margin: 0; }
.lc-source { margin: 0.125rem 0 0; font-size: 0.8125rem; color: var(--lc-muted); }
.lc-source cite { font-style: italic; }
.lc-source q { font-style: normal; }
.lc-asof { font-variant-numeric: tabular-nums; }

.lc-chart { margin: 0; }
.lc-chart svg { display: block; width: 100%; height: auto; max-width: 22rem; overflow: visible; }
.lc-chart .lc-axis { stroke: var(--lc-grid); stroke-width: 1; }
.lc-chart .lc-line { fill: none; stroke: var(--lc-line); stroke-width: 2; }
.lc-chart .lc-dot { fill: var(--lc-line); }
.lc-chart text { fill: var(--lc-muted); font: 400 10px system-ui, sans-serif; }
.lc-chart figcaption { font-size: 0.75rem; color: var(--lc-muted); margin-top: 0.125rem; }
.lc-chart .lc-when line { stroke: var(--lc-fg); stroke-width: 1; }
.lc-chart .lc-when text { fill: var(--lc-fg); }

/* The article's date, and the facts that came after it: still readable, visually secondary. */
.lc-article-date { margin: 0.75rem 0 0; font-size: 0.8125rem; font-weight: 600; }
.lc-later { font-size: 0.8125rem; }
.lc-later .lc-fact { color: var(--lc-muted); }

/* The article's figures beside ours: one neutral box each. */
.lc-checks { list-style: none; margin: 0; padding: 0; }
.lc-check { margin: 0 0 0.375rem; padding: 0.375rem 0.5rem; border-inline-start: 0.1875rem solid var(--lc-border); background: var(--lc-chip-bg); }
.lc-check p { margin: 0; }
.lc-check .lc-verdict { color: var(--lc-muted); font-size: 0.8125rem; }

.lc-mentions { display: flex; align-items: center; gap: 0.375rem; flex-wrap: wrap; margin: 0.75rem 0 0; }
.lc-mentions .lc-count { flex: 1 1 auto; color: var(--lc-muted); }
.lc-actions { display: flex; gap: 0.375rem; flex-wrap: wrap; margin: 0.5rem 0 0; }

.lc-foot { flex: 0 0 auto; padding: 0.375rem 0.875rem; border-top: 0.0625rem solid var(--lc-border); font-size: 0.75rem; color: var(--lc-muted); }

.lens-ring {
  position: fixed;
  z-index: 2147483646;
  pointer-events: none;
  border: 0.125rem solid #0b57d0;
  border-radius: 0.25rem;
  box-shadow: 0 0 0 0.125rem #ffffff;
}
.lc-visually-hidden {
  position: fixed; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
`;
