import type { FrameEvent } from '@cardframe/protocol';
import { coarseState } from './coarse-state.ts';
import { createNumberStateGate } from './number-state-gate.ts';

/**
 * Turns the element's DOM events into FrameEvents. Only coarse state and field names
 * cross: the change state is rebuilt key by key, nothing else from the event is read.
 */
export function forwardFormEvents(form: HTMLElement, post: (event: FrameEvent) => void): void {
  // While the number is being typed, its completeness and brand are held back (number-state-gate.ts).
  const gate = createNumberStateGate((state) => post({ type: 'change', state }));
  form.addEventListener('cardframe-change', (event) => gate.change(coarseState(event.detail)));
  form.addEventListener('cardframe-focus', (event) => {
    gate.focus(event.detail.field);
    post({ type: 'focus', field: event.detail.field });
  });
  form.addEventListener('cardframe-blur', (event) => {
    gate.blur(event.detail.field);
    post({ type: 'blur', field: event.detail.field });
  });
  form.addEventListener('cardframe-submit', () => {
    gate.release();
    post({ type: 'submit' });
  });
  form.addEventListener('cardframe-escape', () => post({ type: 'escape' }));
  // WebKit fires no element `blur` when focus moves into another frame (only the window's), nor an
  // element `focus` when it comes back. With split fields, a click from the number's frame into the
  // expiry's would hold the number's state forever and the card never turns complete: this frame's
  // window losing focus is the shopper leaving the number; regaining it with the number still
  // active is coming back to it. In the other engines both repeat what the element events did.
  const view = form.ownerDocument.defaultView;
  view?.addEventListener('blur', () => gate.blur('number'));
  view?.addEventListener('focus', () => {
    if (form.shadowRoot?.activeElement?.id === 'number-input') gate.focus('number');
  });
}
