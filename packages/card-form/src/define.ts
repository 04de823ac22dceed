import { CardframeCardForm } from './card-form.ts';

// The package's only side effect: the frame's entry imports this once.
if (!customElements.get('cardframe-card-form')) customElements.define('cardframe-card-form', CardframeCardForm);

declare global {
  interface HTMLElementTagNameMap {
    'cardframe-card-form': CardframeCardForm;
  }
}

export { CardframeCardForm };
