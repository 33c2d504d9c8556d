/**
 * Our own checks of the MUST statements of the W3C Web Annotation Data Model
 * (Recommendation of 23 February 2017) that apply to what the JSON export
 * writes: section 3 (Annotation, bodies and targets, string body, lifecycle,
 * agents, motivation and purpose, rights and other identities), the Specific
 * Resource and the text selectors of section 4, and section 5 (Annotation
 * Collection and Annotation Page). Each rule carries the section it comes
 * from. Only what the model says a document MUST (NOT) do is checked, so a
 * finding is always a conformance failure, never a matter of taste.
 *
 * The checks take parsed JSON and know nothing of how the export is built.
 */

export interface Violation {
  /** Section of the model and a short name, e.g. "5.1 collection id". */
  rule: string;
  /** Where in the document, as a dot path ("" for the top). */
  path: string;
  detail: string;
}

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The Motivation instances of section 3.3.5. */
export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const;

const TEXT_DIRECTIONS = ['ltr', 'rtl', 'auto'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** xsd:dateTime restricted to the UTC form the model requires ("Z"). */
const UTC_DATETIME = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z$/;

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (x: Json): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const values = (x: Json): Json[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/**
 * Whether `s` is an absolute IRI (RFC 3987): a scheme, then no character an
 * IRI may not hold, and well-formed percent-encoding. A bare id such as
 * "abc-123" is a relative reference, which JSON-LD would resolve against
 * wherever the file happens to be: not an identity.
 */
export function isAbsoluteIri(s: Json): boolean {
  if (typeof s !== 'string') return false;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):(.+)$/s.exec(s);
  if (!scheme) return false;
  // Controls, space, and the characters RFC 3987 excludes from every IRI component.
  if ([...s].some((ch) => ch.charCodeAt(0) <= 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f))) {
    return false;
  }
  if (/[<>"{}|\\^`]/.test(s)) return false;
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return false;
  const name = scheme[1]!.toLowerCase();
  const rest = scheme[2]!;
  if (name === 'urn' && /^uuid:/i.test(rest)) return UUID.test(rest.slice(5));
  if (name === 'http' || name === 'https') {
    try {
      return new URL(s).hostname.length > 0 && rest.startsWith('//');
    } catch {
      return false;
    }
  }
  return true;
}

class Checker {
  readonly found: Violation[] = [];

  fail(rule: string, path: string, detail: string): void {
    this.found.push({ rule, path, detail });
  }

  /** "exactly 1" / "at most 1": a single JSON value, not a list. */
  single(rule: string, obj: Obj, key: string, path: string, required: boolean): Json {
    const value = obj[key];
    if (value === undefined) {
      if (required) this.fail(rule, at(path, key), 'missing');
      return undefined;
    }
    if (Array.isArray(value)) {
      this.fail(rule, at(path, key), `must be a single value, found a list of ${value.length}`);
      return undefined;
    }
    return value;
  }

  context(rule: string, obj: Obj, path: string, mustBeStringIfOne: boolean): void {
    const ctx = obj['@context'];
    if (ctx === undefined) return this.fail(rule, at(path, '@context'), 'missing');
    const list = values(ctx);
    if (!list.length) return this.fail(rule, at(path, '@context'), 'has no value');
    if (!list.includes(ANNO_CONTEXT)) this.fail(rule, at(path, '@context'), `must include ${ANNO_CONTEXT}`);
    if (mustBeStringIfOne && Array.isArray(ctx) && ctx.length === 1) {
      this.fail(rule, at(path, '@context'), 'a single context must be given as a string, not a list');
    }
  }

  id(rule: string, obj: Obj, path: string, required: boolean): void {
    const id = this.single(rule, obj, 'id', path, required);
    if (id !== undefined && !isAbsoluteIri(id)) {
      this.fail(rule, at(path, 'id'), `must be an absolute IRI, found ${JSON.stringify(id)}`);
    }
  }

  type(rule: string, obj: Obj, path: string, cls: string): void {
    const types = values(obj.type);
    if (!types.length) return this.fail(rule, at(path, 'type'), 'missing');
    if (!types.includes(cls)) this.fail(rule, at(path, 'type'), `must include "${cls}"`);
  }

  /** Section 3.3.1: created, modified and generated are single xsd:dateTime values in UTC ("Z"). */
  lifecycle(obj: Obj, path: string): void {
    for (const key of ['created', 'modified', 'generated']) {
      const value = this.single(`3.3.1 ${key}`, obj, key, path, false);
      if (value !== undefined && (typeof value !== 'string' || !UTC_DATETIME.test(value))) {
        this.fail(
          `3.3.1 ${key}`,
          at(path, key),
          `must be an xsd:dateTime in UTC with "Z", found ${JSON.stringify(value)}`,
        );
      }
    }
    for (const key of ['creator', 'generator']) {
      values(obj[key]).forEach((agent, i) => {
        const p = Array.isArray(obj[key]) ? at(at(path, key), i) : at(path, key);
        if (typeof agent === 'string') {
          if (!isAbsoluteIri(agent)) this.fail('3.3.2 agent', p, 'an agent given by reference must be an IRI');
        } else if (isObj(agent)) {
          // An Agent SHOULD have an IRI and MUST NOT have more than one.
          const id = this.single('3.3.2 agent id', agent, 'id', p, false);
          if (id !== undefined && !isAbsoluteIri(id)) this.fail('3.3.2 agent id', at(p, 'id'), 'must be an IRI');
        } else {
          this.fail('3.3.2 agent', p, 'must be an IRI or an object');
        }
      });
    }
    // Section 3.3.6 and 3.3.7.
    values(obj.rights).forEach((r, i) => {
      if (!isAbsoluteIri(r)) this.fail('3.3.6 rights', at(at(path, 'rights'), i), 'must be an IRI');
    });
    const canonical = this.single('3.3.7 canonical', obj, 'canonical', path, false);
    if (canonical !== undefined && !isAbsoluteIri(canonical)) {
      this.fail('3.3.7 canonical', at(path, 'canonical'), 'must be an IRI');
    }
    values(obj.via).forEach((r, i) => {
      if (!isAbsoluteIri(r)) this.fail('3.3.7 via', at(at(path, 'via'), i), 'must be an IRI');
    });
  }

  /** Section 3.3.5: motivations and purposes are the model's Motivations (or IRIs of others). */
  motivations(rule: string, obj: Obj, key: 'motivation' | 'purpose', path: string): void {
    values(obj[key]).forEach((m) => {
      if (!(MOTIVATIONS as readonly Json[]).includes(m) && !isAbsoluteIri(m)) {
        this.fail(rule, at(path, key), `${JSON.stringify(m)} is not a Motivation`);
      }
    });
  }

  /** Sections 3.2.1 (textDirection) and the lifecycle of any body or target resource. */
  resourceCommon(obj: Obj, path: string): void {
    const dir = this.single('3.2.1 textDirection', obj, 'textDirection', path, false);
    if (dir !== undefined && !TEXT_DIRECTIONS.includes(dir as string)) {
      this.fail('3.2.1 textDirection', at(path, 'textDirection'), 'must be "ltr", "rtl" or "auto"');
    }
    this.lifecycle(obj, path);
  }

  /** A body or target: an IRI, an External Web Resource, a Textual Body, a Choice or a Specific Resource. */
  resource(role: 'body' | 'target', value: Json, path: string): void {
    if (typeof value === 'string') {
      if (!isAbsoluteIri(value)) this.fail(`3.2.1 ${role} IRI`, path, `a ${role} given as a string must be an IRI`);
      return;
    }
    if (!isObj(value)) return this.fail(`3.2 ${role}`, path, 'must be an IRI or an object');
    const types = values(value.type);
    this.resourceCommon(value, path);
    // An untyped object with a value and no IRI can only be an embedded body (its type is a SHOULD).
    const textual =
      types.includes('TextualBody') ||
      (value.value !== undefined && value.id === undefined && value.source === undefined);
    if (textual) {
      if (role === 'target') this.fail('3.2 target', path, 'a target is an External Web Resource, never embedded');
      // Section 3.2.4: exactly 1 value.
      const v = this.single('3.2.4 TextualBody value', value, 'value', path, true);
      if (v !== undefined && typeof v !== 'string') {
        this.fail('3.2.4 TextualBody value', at(path, 'value'), 'must be the character sequence (a string)');
      }
      this.motivations('3.3.5 purpose', value, 'purpose', path);
      return;
    }
    if (
      types.includes('Choice') ||
      types.includes('Composite') ||
      types.includes('List') ||
      types.includes('Independents')
    ) {
      // Section 3.2.7/3.2.8: exactly 1 type, and the members listed in items.
      if (types.length !== 1) this.fail('3.2.7 Choice type', at(path, 'type'), 'must have exactly 1 type');
      if (!Array.isArray(value.items)) this.fail('3.2.7 items', at(path, 'items'), 'must list the resources');
      else value.items.forEach((item, i) => this.resource(role, item, at(at(path, 'items'), i)));
      return;
    }
    if (value.source !== undefined || types.includes('SpecificResource')) {
      this.specificResource(role, value, path);
      return;
    }
    // Section 3.2.1/3.2.3: an External Web Resource has exactly 1 id, its IRI.
    this.id(`3.2.1 ${role} id`, value, path, true);
  }

  /** Section 4: exactly 1 source; selectors per 4.2. */
  specificResource(role: 'body' | 'target', value: Obj, path: string): void {
    const source = this.single('4 SpecificResource source', value, 'source', path, true);
    if (source !== undefined) {
      if (typeof source === 'string') {
        if (!isAbsoluteIri(source)) this.fail('4 SpecificResource source', at(path, 'source'), 'must be an IRI');
      } else if (isObj(source)) {
        this.id('4 SpecificResource source', source, at(path, 'source'), true);
      } else {
        this.fail('4 SpecificResource source', at(path, 'source'), 'must be an IRI or a resource');
      }
    }
    this.id(`4 ${role} SpecificResource id`, value, path, false);
    this.motivations('4.1 purpose', value, 'purpose', path);
    values(value.selector).forEach((s, i) =>
      this.selector(s, Array.isArray(value.selector) ? at(at(path, 'selector'), i) : at(path, 'selector')),
    );
  }

  /** Section 4.2: a selector is an IRI or a typed object; the text selectors' own MUSTs. */
  selector(s: Json, path: string): void {
    if (typeof s === 'string') {
      if (!isAbsoluteIri(s)) this.fail('4.2 selector', path, 'a selector given as a string must be an IRI');
      return;
    }
    if (!isObj(s)) return this.fail('4.2 selector', path, 'must be an IRI or an object');
    const type = this.single('4.2 selector type', s, 'type', path, true);
    if (type === 'TextQuoteSelector') {
      // Section 4.2.4: exactly 1 exact; prefix and suffix at most 1 each.
      const exact = this.single('4.2.4 TextQuoteSelector exact', s, 'exact', path, true);
      if (exact !== undefined && typeof exact !== 'string') {
        this.fail('4.2.4 TextQuoteSelector exact', at(path, 'exact'), 'must be a string');
      }
      for (const key of ['prefix', 'suffix']) {
        const v = this.single(`4.2.4 TextQuoteSelector ${key}`, s, key, path, false);
        if (v !== undefined && typeof v !== 'string') {
          this.fail(`4.2.4 TextQuoteSelector ${key}`, at(path, key), 'must be a string');
        }
      }
    } else if (type === 'TextPositionSelector' || type === 'DataPositionSelector') {
      // Sections 4.2.5 and 4.2.6: exactly 1 start and 1 end, non-negative integers.
      const sec = type === 'TextPositionSelector' ? '4.2.5' : '4.2.6';
      for (const key of ['start', 'end']) {
        const v = this.single(`${sec} ${type} ${key}`, s, key, path, true);
        if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) {
          this.fail(
            `${sec} ${type} ${key}`,
            at(path, key),
            `must be a non-negative integer, found ${JSON.stringify(v)}`,
          );
        }
      }
    } else if (['FragmentSelector', 'CssSelector', 'XPathSelector'].includes(type as string)) {
      // Sections 4.2.1–4.2.3: exactly 1 value.
      const v = this.single(`4.2 ${String(type)} value`, s, 'value', path, true);
      if (v !== undefined && typeof v !== 'string')
        this.fail(`4.2 ${String(type)} value`, at(path, 'value'), 'must be a string');
    } else if (type !== undefined && typeof type !== 'string') {
      this.fail('4.2 selector type', at(path, 'type'), 'must be a class name');
    }
    if (s.refinedBy !== undefined)
      values(s.refinedBy).forEach((r, i) => this.selector(r, at(at(path, 'refinedBy'), i)));
  }

  /** Section 3.1 and what 3.2–3.3 require of an Annotation. `embedded`: inside a Page, whose context it shares. */
  annotation(a: Json, path: string, embedded: boolean): void {
    if (typeof a === 'string') {
      // Pages may list Annotations by reference.
      if (!isAbsoluteIri(a)) this.fail('5.2 page items', path, 'an Annotation given by reference must be an IRI');
      return;
    }
    if (!isObj(a)) return this.fail('3.1 annotation', path, 'must be an object');
    if (!embedded) this.context('3.1 annotation @context', a, path, true);
    this.id('3.1 annotation id', a, path, true);
    this.type('3.1 annotation type', a, path, 'Annotation');
    // Section 3.2.5: bodyValue is one string, and excludes body.
    const bodyValue = this.single('3.2.5 bodyValue', a, 'bodyValue', path, false);
    if (bodyValue !== undefined && typeof bodyValue !== 'string') {
      this.fail('3.2.5 bodyValue', at(path, 'bodyValue'), 'must be a single xsd:string');
    }
    if (a.bodyValue !== undefined && a.body !== undefined) {
      this.fail('3.2.5 body/bodyValue', path, 'an Annotation with bodyValue must not also have body');
    }
    const targets = values(a.target);
    if (!targets.length) this.fail('3.1 annotation target', at(path, 'target'), 'must have 1 or more targets');
    targets.forEach((t, i) =>
      this.resource('target', t, Array.isArray(a.target) ? at(at(path, 'target'), i) : at(path, 'target')),
    );
    values(a.body).forEach((b, i) =>
      this.resource('body', b, Array.isArray(a.body) ? at(at(path, 'body'), i) : at(path, 'body')),
    );
    this.motivations('3.3.5 motivation', a, 'motivation', path);
    this.lifecycle(a, path);
  }

  /** Section 5.2. `total`: the collection's count, to know whether this page must link a next one. */
  page(p: Json, path: string, embedded: boolean, partOfTotal?: number): void {
    if (typeof p === 'string') {
      if (!isAbsoluteIri(p)) this.fail('5.2 page id', path, 'a page given by reference must be an IRI');
      return;
    }
    if (!isObj(p)) return this.fail('5.2 page', path, 'must be an IRI or an object');
    if (!embedded) this.context('5.2 page @context', p, path, false);
    this.id('5.2 page id', p, path, true);
    this.type('5.2 page type', p, path, 'AnnotationPage');
    const items = p.items;
    if (!Array.isArray(items) || items.length === 0) {
      this.fail('5.2 page items', at(path, 'items'), 'must be an array of 1 or more Annotations');
    } else {
      items.forEach((a, i) => this.annotation(a, at(at(path, 'items'), i), true));
    }
    const start = this.single('5.2 page startIndex', p, 'startIndex', path, false);
    if (start !== undefined && !(Number.isInteger(start) && (start as number) >= 0)) {
      this.fail('5.2 page startIndex', at(path, 'startIndex'), 'must be an xsd:nonNegativeInteger');
    }
    const startIndex = typeof start === 'number' ? start : 0;
    const isLast = partOfTotal === undefined || !Array.isArray(items) || startIndex + items.length >= partOfTotal;
    if (!isLast && p.next === undefined) {
      this.fail('5.2 page next', at(path, 'next'), 'a page that is not the last must link the next one');
    }
    for (const key of ['next', 'prev']) {
      const link = this.single(`5.2 page ${key}`, p, key, path, false);
      if (link !== undefined && !isAbsoluteIri(isObj(link) ? link.id : link)) {
        this.fail(`5.2 page ${key}`, at(path, key), 'must be the IRI of a page');
      }
    }
    const partOf = this.single('5.2 page partOf', p, 'partOf', path, false);
    if (partOf !== undefined && !isAbsoluteIri(isObj(partOf) ? partOf.id : partOf)) {
      this.fail('5.2 page partOf', at(path, 'partOf'), 'must be the IRI of the collection');
    }
    this.lifecycle(p, path);
  }

  /** Section 5.1. */
  collection(c: Json): void {
    if (!isObj(c)) return this.fail('5.1 collection', '', 'must be an object');
    this.context('5.1 collection @context', c, '', false);
    this.id('5.1 collection id', c, '', true);
    this.type('5.1 collection type', c, '', 'AnnotationCollection');
    values(c.label).forEach((l) => {
      if (typeof l !== 'string') this.fail('5.1 collection label', 'label', 'must be a string');
    });
    const total = this.single('5.1 collection total', c, 'total', '', false);
    if (total !== undefined && !(Number.isInteger(total) && (total as number) >= 0)) {
      this.fail('5.1 collection total', 'total', 'must be an xsd:nonNegativeInteger');
    }
    const first = this.single('5.1 collection first', c, 'first', '', false);
    const hasAnnotations = typeof total === 'number' ? total > 0 : first !== undefined;
    if (hasAnnotations && first === undefined) {
      this.fail('5.1 collection first', 'first', 'a collection with annotations must have exactly 1 first page');
    }
    if (first !== undefined) this.page(first, 'first', true, typeof total === 'number' ? total : undefined);
    const last = this.single('5.1 collection last', c, 'last', '', false);
    if (last !== undefined && !isAbsoluteIri(isObj(last) ? last.id : last)) {
      this.fail('5.1 collection last', 'last', 'must be the IRI of a page');
    }
    this.lifecycle(c, '');
  }
}

/** Every MUST of sections 3–5 that an AnnotationCollection document breaks; [] when it conforms. */
export function checkAnnotationCollection(doc: Json): Violation[] {
  const checker = new Checker();
  checker.collection(doc);
  return checker.found;
}

/** The same for a single Annotation document (not embedded in a page). */
export function checkAnnotation(doc: Json): Violation[] {
  const checker = new Checker();
  checker.annotation(doc, '', false);
  return checker.found;
}

/** Findings as lines, for assertion messages. */
export function describeFindings(found: readonly Violation[]): string {
  return found.map((v) => `${v.rule} at ${v.path || '(top)'}: ${v.detail}`).join('\n');
}
