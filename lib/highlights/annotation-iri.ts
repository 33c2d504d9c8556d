/**
 * The IRIs that identify exported highlights. The Web Annotation model wants
 * every Annotation, Collection and Page to have an absolute IRI, while stored
 * highlights keep short ids: a UUID (saved here) or another string (older
 * imports, Hypothesis annotations). The mapping is a pure function of the id,
 * so exporting the same highlight twice gives the same IRI, and importing that
 * IRI gives back the same id, which is how re-imports are recognised. Pure module.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URN_UUID = 'urn:uuid:';

/**
 * Where highlight ids that are not UUIDs live. `.invalid` is reserved (RFC 2606),
 * so the address can never be registered by anyone; the IRI only names things.
 * It shares its host with the `lens:` vocabulary.
 */
export const HIGHLIGHT_IRI_BASE = 'https://eurasia-lens.invalid/highlight/';

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** The Annotation IRI of a stored highlight id. */
export function highlightIri(id: string): string {
  if (isUuid(id)) return `${URN_UUID}${id}`;
  return `${HIGHLIGHT_IRI_BASE}${encodeURIComponent(id)}`;
}

/**
 * The stored id for an Annotation id read from a file: the inverse of
 * highlightIri, and anything else (the bare ids of format version 1, other
 * tools' IRIs) kept as it is.
 */
export function idFromAnnotationIri(iri: string): string {
  if (iri.toLowerCase().startsWith(URN_UUID) && isUuid(iri.slice(URN_UUID.length))) {
    return iri.slice(URN_UUID.length);
  }
  if (iri.startsWith(HIGHLIGHT_IRI_BASE)) {
    const encoded = iri.slice(HIGHLIGHT_IRI_BASE.length);
    try {
      const id = decodeURIComponent(encoded);
      // Only our own encoding maps back; a hand-made IRI under the base keeps its full form.
      if (id && highlightIri(id) === iri) return id;
    } catch {
      // malformed percent-encoding: not one of ours
    }
  }
  return iri;
}

/** A fresh `urn:uuid:` IRI, for things that exist once per export (the collection, its page). */
export function newUrnUuid(): string {
  return `${URN_UUID}${crypto.randomUUID()}`;
}
