/** The context card, re-exported for extension pages (the options page previews a card). */
export { ContextCard, type ContextCardProps } from './card/ContextCard';
export { CARD_CSS } from './card/card-css';
