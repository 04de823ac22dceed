import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NetworkScheme } from './token-service-provider.ts';

/**
 * The sandbox's cryptogram arithmetic, pure so tests can verify what the sandbox issued with the
 * key it exposes (`SandboxProvider.cryptogramKey`). Not a scheme algorithm: real TAVV/UCAF values
 * come from the scheme's HSMs. The shapes match (20 bytes base64 for TAVV, 3–4 digits for a
 * dynamic CVV), and each value is bound to the token number, amount and currency.
 */

export interface CryptogramInput {
  number: string;
  amount: number;
  currency: string;
}

/** 4 random bytes (the "unpredictable number") + 16 bytes of HMAC-SHA256, base64: 28 characters. */
export function tavvCryptogram(key: Buffer, input: CryptogramInput, unpredictable = randomBytes(4)): string {
  return Buffer.concat([unpredictable, tavvMac(key, input, unpredictable)]).toString('base64');
}

export function verifyTavvCryptogram(key: Buffer, input: CryptogramInput, cryptogram: string): boolean {
  const raw = Buffer.from(cryptogram, 'base64');
  if (raw.length !== 20) return false;
  return timingSafeEqual(raw.subarray(4), tavvMac(key, input, raw.subarray(0, 4)));
}

function tavvMac(key: Buffer, input: CryptogramInput, unpredictable: Buffer): Buffer {
  return createHmac('sha256', key)
    .update(`tavv|${input.number}|${input.amount}|${input.currency}|${unpredictable.toString('hex')}`)
    .digest()
    .subarray(0, 16);
}

const DCVV_WINDOW_MS = 60_000;

/** Valid in the minute it was issued and the next one; 4 digits for Amex, 3 otherwise. */
export function dynamicCvv(key: Buffer, input: CryptogramInput, scheme: NetworkScheme, at: number): string {
  const digits = scheme === 'american express' ? 4 : 3;
  const window = Math.floor(at / DCVV_WINDOW_MS);
  const mac = createHmac('sha256', key).update(`dcvv|${input.number}|${input.amount}|${input.currency}|${window}`).digest();
  return String(mac.readUInt32BE(0) % 10 ** digits).padStart(digits, '0');
}

export function verifyDynamicCvv(key: Buffer, input: CryptogramInput, scheme: NetworkScheme, value: string, at: number): boolean {
  return [at, at - DCVV_WINDOW_MS].some((t) => dynamicCvv(key, input, scheme, t) === value);
}

/** Sandbox token ranges: inside each scheme's BIN space, apart from the common test PANs. */
export const SANDBOX_TOKEN_RANGES: Record<NetworkScheme, { prefix: string; length: number }> = {
  visa: { prefix: '489537', length: 16 },
  mastercard: { prefix: '520473', length: 16 },
  'american express': { prefix: '377777', length: 15 },
  discover: { prefix: '601199', length: 16 },
};

/**
 * The n-th sandbox token number for a PAN: deterministic (a test environment hands out the same
 * tokens for the same test card), Luhn-valid, in the scheme's sandbox range, never the PAN itself.
 */
export function sandboxTokenNumber(pan: string, scheme: NetworkScheme, ordinal: number): string {
  const { prefix, length } = SANDBOX_TOKEN_RANGES[scheme];
  for (let attempt = ordinal; ; attempt++) {
    const hash = createHash('sha256').update(`cardframe-sandbox-tsp|${scheme}|${pan}|${attempt}`).digest();
    let body = prefix;
    for (let i = 0; body.length < length - 1; i++) body += String(hash[i]! % 10);
    const number = body + luhnCheckDigit(body);
    if (number !== pan) return number;
  }
}

export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
