/**
 * The fact base shipped with the extension: the JSON files under
 * assets/factbase/, imported statically so the bundler inlines them, and
 * validated once, on first use: the background's worker starts for every page
 * that needs detection, and only cards need the facts.
 */
import meta from '../../assets/factbase/meta.json';
import catalogue from '../../assets/factbase/catalogue.json';
import extra1 from '../../assets/factbase/extra-1.json';
import extra2 from '../../assets/factbase/extra-2.json';
import extra3 from '../../assets/factbase/extra-3.json';
import extra4 from '../../assets/factbase/extra-4.json';
import extra5 from '../../assets/factbase/extra-5.json';
import extra6 from '../../assets/factbase/extra-6.json';
import { loadFactbase, type Factbase } from './load';

/** The file names used in error messages, in the order the files are checked. */
export const BUNDLED_FILES = {
  'catalogue.json': catalogue as unknown,
  'extra-1.json': extra1 as unknown,
  'extra-2.json': extra2 as unknown,
  'extra-3.json': extra3 as unknown,
  'extra-4.json': extra4 as unknown,
  'extra-5.json': extra5 as unknown,
  'extra-6.json': extra6 as unknown,
} as const;

let loaded: Factbase | null = null;

/** The bundled fact base, validated on the first call (a broken bundle throws there, with the file named). */
export function bundledFactbase(): Factbase {
  return (loaded ??= loadFactbase(meta as unknown, BUNDLED_FILES));
}
