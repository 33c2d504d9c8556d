/** compromise's bundle behind a function (see wxt.config.ts, `lazyCompromise`). */
declare module 'virtual:lens-compromise' {
  const createNlp: () => unknown;
  export default createNlp;
}
