/**
 * The one message protocol between content scripts, extension pages and the
 * background. Pure: types and payload validation only. The receiving side
 * validates every payload with `parseRequest` before acting on it.
 */
import * as v from 'valibot';

export const RequestSchema = v.variant('type', [
  /** Liveness check used by the end-to-end suite and the popup. */
  v.strictObject({ type: v.literal('ping') }),
]);
export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

/** What each request answers with. */
export interface Responses {
  ping: { ok: true; version: string };
}
export type ResponseFor<T extends RequestType> = Responses[T];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Returns the validated request, or null when the payload is not one of ours. */
export function parseRequest(raw: unknown): Request | null {
  const result = v.safeParse(RequestSchema, raw);
  return result.success ? result.output : null;
}
