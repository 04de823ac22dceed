import type { FrameEvent } from '@cardframe/protocol';
import { coarseState } from './coarse-state.ts';

/**
 * Turns the element's DOM events into FrameEvents. Only coarse state and field names
 * cross: the change state is rebuilt key by key, nothing else from the event is read.
 */
export function forwardFormEvents(form: HTMLElement, post: (event: FrameEvent) => void): void {
  form.addEventListener('cardframe-change', (event) => post({ type: 'change', state: coarseState(event.detail) }));
  form.addEventListener('cardframe-focus', (event) => post({ type: 'focus', field: event.detail.field }));
  form.addEventListener('cardframe-blur', (event) => post({ type: 'blur', field: event.detail.field }));
  form.addEventListener('cardframe-submit', () => post({ type: 'submit' }));
  form.addEventListener('cardframe-escape', () => post({ type: 'escape' }));
}
