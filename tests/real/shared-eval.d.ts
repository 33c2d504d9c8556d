/** The shared evaluation folder's address check (../shared/eval/reserved-check.mjs), typed for the tests. */
declare module '*/eval/reserved-check.mjs' {
  export function isReserved(url: string): boolean;
  export function normalizeUrl(url: string): string;
}
