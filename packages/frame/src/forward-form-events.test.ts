import { afterEach, expect, test } from 'vitest';
import type { CardState, FrameEvent } from '@cardframe/protocol';
import { forwardFormEvents } from './forward-form-events.ts';

// WebKit moves focus between frames without element blur/focus events, only the window's: the
// number's held state must still be released when the frame loses focus, and held again on return.
const state = (complete: boolean): CardState => ({
  empty: false,
  complete: false,
  brand: complete ? 'visa' : 'unknown',
  fields: { number: { empty: false, complete } },
});

let form: HTMLElement | undefined;
afterEach(() => form?.remove());

function setup() {
  form = document.createElement('div');
  const input = document.createElement('input');
  input.id = 'number-input';
  form.attachShadow({ mode: 'open' }).append(input);
  document.body.append(form);
  const posted: FrameEvent[] = [];
  forwardFormEvents(form, (event) => posted.push(event));
  const emit = (type: string, detail: unknown) => form!.dispatchEvent(new CustomEvent(type, { detail }));
  const changes = () => posted.flatMap((e) => (e.type === 'change' ? [e.state] : []));
  return { input, emit, changes };
}

test('the window losing focus releases the number held while typing, without an element blur', () => {
  const { emit, changes } = setup();
  emit('cardframe-focus', { field: 'number' });
  emit('cardframe-change', state(true));
  expect(changes().at(-1)?.fields.number?.complete).toBe(false);
  window.dispatchEvent(new FocusEvent('blur'));
  expect(changes().at(-1)).toEqual(state(true));
});

test('the window regaining focus with the number input active holds the number again', () => {
  const { input, emit, changes } = setup();
  emit('cardframe-change', state(false));
  input.focus();
  window.dispatchEvent(new FocusEvent('focus'));
  emit('cardframe-change', state(true));
  expect(changes().at(-1)?.fields.number?.complete).toBe(false);
  expect(changes().at(-1)?.brand).toBe('unknown');
});

test('the window regaining focus elsewhere does not hold anything', () => {
  const { emit, changes } = setup();
  window.dispatchEvent(new FocusEvent('focus'));
  emit('cardframe-change', state(true));
  expect(changes().at(-1)).toEqual(state(true));
});
