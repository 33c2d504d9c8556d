/** Lets the options preview render the content script's mention element. */
import 'preact';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'lens-mention': HTMLAttributes<HTMLElement> & { 'data-entity': string };
    }
  }
}
