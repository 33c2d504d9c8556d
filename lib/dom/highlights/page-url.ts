/** The page's canonical address, when it declares one (highlights are kept per page). */
export function canonicalHref(doc: Document = document): string | null {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  return link?.href ?? null;
}
