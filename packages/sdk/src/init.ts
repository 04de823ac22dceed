import type { CardElementOptions } from '@cardframe/protocol';
import { createCardElement, type CardElement } from './card-element.ts';
import { createCardGroup, type CardGroup } from './card-group.ts';
import { CardframeError } from './cardframe-error.ts';
import { randomChannel } from './random-channel.ts';

export interface InitOptions {
  /** The vault's base URL, e.g. `https://vault.example`; the frame is loaded from its origin. */
  baseUrl: string;
}

/** A Cardframe instance bound to one checkout session. */
export interface Cardframe {
  /** Creates a card element. Throws CardframeError INVALID_OPTIONS / INVALID_STYLE synchronously. */
  card(options?: CardElementOptions): CardElement;
  /**
   * Split fields: each its own vault-origin iframe, mounted wherever the merchant wants; together
   * they are one card ({@link group}). Same options, events and methods as {@link card}.
   */
  cardNumber(options?: CardElementOptions): CardElement;
  cardExpiry(options?: CardElementOptions): CardElement;
  cardCvc(options?: CardElementOptions): CardElement;
  cardholderName(options?: CardElementOptions): CardElement;
  /** The split fields of this instance as one card: group events and one `submit()`. */
  group: CardGroup;
}

const SESSION_ID = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

/**
 * Starts Cardframe for a session the merchant server created at the vault. The session id
 * is the frame's only credential; the page never holds a key or any card data.
 */
export async function init(sessionId: string, options: InitOptions): Promise<Cardframe> {
  if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) {
    throw new CardframeError('INVALID_OPTIONS', 'sessionId is not a session id');
  }
  let vaultOrigin: string;
  try {
    const url = new URL(options?.baseUrl);
    if (!/^https?:$/.test(url.protocol)) throw new TypeError();
    vaultOrigin = url.origin;
  } catch {
    throw new CardframeError('INVALID_OPTIONS', 'baseUrl is not an http(s) URL');
  }
  const session = sessionId.toLowerCase();
  // One group per instance: its random id scopes the fields' vault-origin channel to this card.
  const groupId = randomChannel();
  const { group, field } = createCardGroup((name, fieldOptions, onEvent) =>
    createCardElement({ session, vaultOrigin, options: fieldOptions, split: { field: name, group: groupId }, onEvent }),
  );
  return Object.freeze({
    card: (options?: CardElementOptions) => createCardElement({ session, vaultOrigin, options }),
    cardNumber: field('number'),
    cardExpiry: field('expiry'),
    cardCvc: field('cvc'),
    cardholderName: field('name'),
    group,
  });
}
