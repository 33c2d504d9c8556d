/**
 * The entity files of the bundled fact base, in assets/factbase/. The catalogue
 * holds the dossier's entities; the extra files hold the entities added beyond it.
 * lib/factbase/bundled.ts imports exactly these files; a test keeps the two in step.
 */
export const META_FILE = 'meta.json';
export const ENTITY_FILES = [
  'catalogue.json',
  'extra-1.json',
  'extra-2.json',
  'extra-3.json',
  'extra-4.json',
  'extra-5.json',
  'extra-6.json',
] as const;
