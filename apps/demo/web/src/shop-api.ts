/**
 * The checkout page's calls to its own server. They carry a session id or a token id and
 * nothing else: the card goes from the vault's frame to the vault, never through here.
 */
export interface CheckoutSession {
  sessionId: string;
  vaultUrl: string;
}

export interface PaidCard {
  tokenId: string;
  card: {
    maskedNumber: string;
    scheme: string;
    expiryMonth: number;
    expiryYear: number;
    cardholderName?: string;
  };
  cvcAvailable: boolean;
}

/** A failure the shop's server reported, with words meant for the shopper. */
export class ShopApiError extends Error {
  override name = 'ShopApiError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function post<T>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ShopApiError('OFFLINE', 'We could not reach the shop. Check your connection and try again.');
  }
  const json = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
  if (!response.ok) {
    throw new ShopApiError(json.error ?? 'UNKNOWN', json.message ?? 'Something went wrong. Please try again.');
  }
  return json as T;
}

export const startCheckout = () => post<CheckoutSession>('/api/checkout');
export const pay = (tokenId: string) => post<PaidCard>('/api/pay', { tokenId });
export const refreshCvc = (tokenId: string) => post<CheckoutSession>(`/api/cards/${encodeURIComponent(tokenId)}/cvc`);
