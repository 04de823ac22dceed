import type { Scheme } from '@cardframe/protocol';

/**
 * Every string a shopper can see or hear, for one locale. Plain data only (no functions),
 * so a translator edits text and a test can walk every key; `{brand}`-style slots are filled
 * by {@link fill}. The card number placeholder is digits in every locale and is not here.
 */
export interface Catalog {
  labels: { number: string; expiry: string; cvc: string; name: string };
  placeholders: { expiry: string; cvc: string; name: string };
  errors: {
    numberIncomplete: string;
    numberInvalid: string;
    brandNotAccepted: string;
    expiryIncomplete: string;
    expiryInvalid: string;
    expiryInPast: string;
    cvcIncomplete: string;
    nameMissing: string;
  };
  /** Accessible name of the brand icon when no brand is recognised yet. */
  unknownCard: string;
  /** Brand names only where the locale writes them differently (e.g. 銀聯 for UnionPay). */
  brands?: Partial<Record<Scheme, string>>;
  /** Screen-reader text for the saved card in CVC mode: slots {brand}, {last4}, {expiry}. */
  savedCard: string;
  /** Shown before the saved card's expiry, e.g. "Expires 12/28". */
  expires: string;
  /** The frame document's title. */
  title: string;
}

/**
 * The frame's own messages, shown instead of a form or sent with an error. A separate chunk
 * per locale, fetched only when one is needed: a shopper whose checkout works never loads it.
 */
export interface FrameMessages {
  couldNotLoad: string;
  notAllowedHere: string;
  sessionExpired: string;
  sessionCompleted: string;
  sessionNotFound: string;
  networkError: string;
  saveFailed: string;
  incomplete: string;
  /** The browser lacks what the form needs (frame/browser-support.ts). */
  unsupportedBrowser: string;
  /** The vault cannot work here (e.g. not a secure context): nothing the shopper can fix. */
  unavailable: string;
}

/** Fills `{slot}`s from `values`; an unknown slot stays visible rather than vanishing. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
