/** The shared evaluation folder's address check (../shared/eval/reserved-check.mjs), typed for the tests. */
declare module '*/eval/reserved-check.mjs' {
  export function isReserved(url: string): boolean;
  export function normalizeUrl(url: string): string;
}

/** The labellers' shared helpers (tests/real/labelling-tools.mjs), typed for the TypeScript side. */
declare module '*/labelling-tools.mjs' {
  export const TOPICS: readonly string[];
  export function factbaseIds(): Set<string>;
  export function occurrences(text: string, needle: string): number[];
}
