import { FIELD_NAMES, type CardElementOptions, type FieldName, type SubmitResult } from '@cardframe/protocol';
import {
  notMounted,
  type CardElement,
  type CardElementContext,
  type CardElementEventMap,
  type CardElementEventType,
  type CardElementListener,
} from './card-element.ts';
import { createEventHub } from './event-hub.ts';

/**
 * The split fields of one card, as one thing: `ready` once every created field is ready,
 * `change` with every field's coarse state merged in the frames (brand from the number field), the fields'
 * `focus`/`blur`/`submit`/`escape`/`error` passed through. Each field is a {@link CardElement}
 * of its own, with its own events, options, styles and `unmount()`.
 */
export interface CardGroup {
  on<K extends CardElementEventType>(type: K, listener: CardElementListener<K>): () => void;
  /**
   * Encrypts number, expiry, CVC and name together inside the vault-origin frames and completes the
   * session once; resolves with the token id only. The same as `submit()` on any of the fields.
   */
  submit(): Promise<SubmitResult>;
}

type CreateElement = (field: FieldName, options: CardElementOptions | undefined, onEvent: CardElementContext['onEvent']) => CardElement;

/** Builds the group and the factory for its fields (`cardNumber()`, `cardExpiry()`, …). */
export function createCardGroup(create: CreateElement): {
  group: CardGroup;
  field: (name: FieldName) => (options?: CardElementOptions) => CardElement;
} {
  const hub = createEventHub<CardElementEventMap>();
  const elements = new Map<FieldName, CardElement>();
  const ready = new Set<FieldName>();
  const field = (name: FieldName) => (options?: CardElementOptions) => {
    const element = create(name, options, (type, payload) => {
      // `change` arrives already merged: the frames know every field's coarse state, the page need not.
      if (type !== 'ready' || ready.add(name).size === elements.size) hub.emit(type, payload);
    });
    elements.set(name, element);
    return element;
  };
  return {
    group: Object.freeze({
      on: hub.on,
      // Any field can collect the card; the first in card order asks the others.
      submit: () => elements.get(FIELD_NAMES.find((name) => elements.has(name))!)?.submit() ?? Promise.reject(notMounted()),
    }),
    field,
  };
}
