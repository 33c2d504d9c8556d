/**
 * Stands in for `is-potential-custom-element-name` in the content script's
 * bundle only (wxt.config.ts). WXT's shadow-root UI checks with it that the
 * host's tag name can be a custom element; ours are fixed ASCII names, so an
 * ASCII form of the rule (lower-case letter first, a hyphen, no upper case)
 * decides the same for them. Being an ES module, it also keeps the CommonJS
 * interop helpers out of the page's bundle.
 */
export default function isPotentialCustomElementName(name: string): boolean {
  return /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(name);
}
