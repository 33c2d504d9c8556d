import type { ComponentChildren } from 'preact';

/** A titled section of the options page. */
export function Section(props: { id: string; title: string; intro?: string; children: ComponentChildren }) {
  return (
    <section class="options__section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro && <p class="muted">{props.intro}</p>}
      {props.children}
    </section>
  );
}
