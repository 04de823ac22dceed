/**
 * The boundary between the vault and a scheme's token service (Visa VTS, Mastercard MDES, …).
 * One interface, one error class, plain data in and out: the vault never sees a scheme's wire
 * format, and a provider never sees the vault's storage. The embedded default is the sandbox
 * (sandbox-provider.ts); a real provider plugs into the slot named by
 * CARDFRAME_NETWORK_TOKEN_PROVIDER (README, "Network tokens"; ADR 0020 says what it must do).
 *
 * Everything a provider returns that is a token number or a cryptogram is card data: the vault
 * encrypts it at rest and never logs it, and a provider must not log it either.
 */

/** Schemes that issue network tokens (digest §3: Visa, Mastercard, American Express, Discover). */
export const NETWORK_SCHEMES = ['visa', 'mastercard', 'american express', 'discover'] as const;
export type NetworkScheme = (typeof NETWORK_SCHEMES)[number];

/** `deleted` is final; `suspended` tokens give no cryptograms until resumed. */
export const NETWORK_TOKEN_STATUSES = ['active', 'suspended', 'deleted'] as const;
export type NetworkTokenStatus = (typeof NETWORK_TOKEN_STATUSES)[number];

export interface ProvisionRequest {
  account_number: string;
  expiry_month: number;
  expiry_year: number;
  cardholder_name?: string | undefined;
  scheme: NetworkScheme;
}

export interface ProvisionedToken {
  /** The provider's own id for the token (VTS `vProvisionedTokenID`, MDES `tokenUniqueReference`). */
  ref: string;
  /** The token service, shown as `network_token.type` (`vts`, `mdes`, …). */
  type: string;
  /** The network token number (DPAN); card data. */
  number: string;
  expiry_month: number;
  expiry_year: number;
  status: NetworkTokenStatus;
  /** Only where the scheme has Delegated Authentication active. */
  scheme_reference?: string | undefined;
}

export interface CryptogramRequest {
  /** Minor units (zero-decimal currencies in whole units). */
  amount: number;
  /** ISO 4217 alpha-3. */
  currency: string;
}

/** TAVV-style (Visa, Mastercard) or dynamic-CVV-style (Amex, Discover in the sandbox). */
export type Cryptogram =
  | { kind: 'tavv'; cryptogram: string; eci: string; number: string; expiry_month: number; expiry_year: number }
  | { kind: 'dcvv'; dynamic_cvv: string; number: string; expiry_month: number; expiry_year: number };

/** What the scheme tells the vault about a token it changed (VTS/MDES lifecycle notifications). */
export interface LifecycleEvent {
  ref: string;
  status: NetworkTokenStatus;
  /** Human-readable, goes into the webhook's `reason`. Never card data. */
  reason: string;
  /** The issuer reissued the card: its new expiry. */
  card?: { expiry_month: number; expiry_year: number } | undefined;
  /** The token itself was re-issued with a new expiry. */
  token?: { expiry_month: number; expiry_year: number } | undefined;
}

export type LifecycleHandler = (event: LifecycleEvent) => Promise<void>;

export interface TokenServiceProvider {
  /** Shown in logs and the README; not secret. */
  readonly name: string;
  provision(request: ProvisionRequest, signal: AbortSignal): Promise<ProvisionedToken>;
  status(ref: string, signal: AbortSignal): Promise<NetworkTokenStatus>;
  cryptogram(ref: string, request: CryptogramRequest, signal: AbortSignal): Promise<Cryptogram>;
  delete(ref: string, signal: AbortSignal): Promise<void>;
  /** The vault registers one handler; the provider calls it for every lifecycle notification. */
  onLifecycle(handler: LifecycleHandler): void;
}

export type TokenServiceErrorCode =
  /** The card or its scheme cannot be tokenized (ineligible range, unsupported scheme). */
  | 'NOT_ELIGIBLE'
  /** The scheme or issuer declined the request. */
  | 'DECLINED'
  /** The provider does not know the ref. */
  | 'NOT_FOUND'
  /** The token is suspended or deleted at the scheme. */
  | 'NOT_ACTIVE'
  | 'TIMEOUT'
  | 'UNAVAILABLE';

/** The one error a provider throws. `message` must not contain card data. */
export class TokenServiceError extends Error {
  override name = 'TokenServiceError';
  constructor(
    readonly code: TokenServiceErrorCode,
    message: string,
  ) {
    super(message);
  }
}
