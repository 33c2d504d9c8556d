export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    // Marks the document so the end-to-end suite can see the script ran.
    document.documentElement.setAttribute('data-lens-ready', '');
    ctx.onInvalidated(() => document.documentElement.removeAttribute('data-lens-ready'));
  },
});
