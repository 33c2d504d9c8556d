/**
 * How an import names what is wrong with a file: the place in the file (a dot
 * path) and what was found there, so a reader can fix or report it. Pure module.
 */
import type * as v from 'valibot';
import { getDotPath } from 'valibot';

/** Longest piece of the offending value quoted back in a message. */
const QUOTED_VALUE_CHARS = 60;

/** Valibot's type names, as a reader would say them. */
const EXPECTED: Record<string, string> = {
  Array: 'a list',
  Object: 'an object',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/** The rule that was broken: our schemas' own wording, or valibot's "Expected X" said plainly. */
function rule(issue: v.BaseIssue<unknown>): string {
  const own = issue.message.replace(/^Invalid [^:]+: /, '');
  if (!own.startsWith('Expected ') || !issue.expected) return own;
  const expected = issue.expected;
  if (EXPECTED[expected]) return `must be ${EXPECTED[expected]}`;
  return expected.includes('|') ? `must be one of ${expected}` : `must be ${expected}`;
}

/** `at` places the issue inside a larger document when only a part of it was checked. */
export function describeIssue(issue: v.BaseIssue<unknown>, at?: string): string {
  const path = [at, getDotPath(issue)].filter(Boolean).join('.');
  const where = path ? `${path}: ` : '';
  if (issue.input === undefined) return `${where}it is missing`;
  return `${where}${rule(issue)} (got ${JSON.stringify(issue.input)?.slice(0, QUOTED_VALUE_CHARS)})`;
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(fileText: string): JsonResult {
  try {
    // A byte order mark is legal at the start of a UTF-8 file but not in JSON.
    return { ok: true, value: JSON.parse(fileText.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, error: `The file is not valid JSON: ${(error as Error).message}` };
  }
}
