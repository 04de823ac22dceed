import type { CardState, FieldName, Scheme } from '@cardframe/protocol';

/** The card the frame encrypts: digits only, four-digit year. Never leaves the frame in clear. */
export interface CollectedFullCard {
  accountNumber: string;
  expiryMonth: number;
  expiryYear: number;
  securityCode: string;
  cardholderName?: string;
}

/** In CVC mode only the security code is collected. */
export interface CollectedSecurityCode {
  securityCode: string;
}

export type CollectedCard = CollectedFullCard | CollectedSecurityCode;

export type CollectResult = { ok: true; card: CollectedCard } | { ok: false; state: CardState };

/** The stored card a CVC-refresh session belongs to (already masked by the vault). */
export interface SavedCard {
  scheme: Scheme;
  maskedAccountNumber: string;
  expiryMonth: number;
  expiryYear: number;
}

export type CardFormMode = 'card' | 'cvc';

export interface FieldEventDetail {
  field: FieldName;
}

declare global {
  interface HTMLElementEventMap {
    'cardframe-change': CustomEvent<CardState>;
    'cardframe-focus': CustomEvent<FieldEventDetail>;
    'cardframe-blur': CustomEvent<FieldEventDetail>;
    'cardframe-submit': CustomEvent<null>;
    'cardframe-escape': CustomEvent<null>;
    /** Split fields: the field is complete, focus should move to the next field's frame. */
    'cardframe-advance': CustomEvent<FieldEventDetail>;
    /** Split fields: Backspace in the empty field, focus should move to the previous field's frame. */
    'cardframe-retreat': CustomEvent<FieldEventDetail>;
  }
}
