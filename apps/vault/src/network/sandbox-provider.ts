import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import type { Database } from '../storage/database.ts';
import { dynamicCvv, sandboxTokenNumber, tavvCryptogram } from './sandbox-cryptogram.ts';
import {
  NETWORK_SCHEMES,
  TokenServiceError,
  type Cryptogram,
  type LifecycleHandler,
  type NetworkScheme,
  type NetworkTokenStatus,
  type TokenServiceProvider,
} from './token-service-provider.ts';

/** What a scheme's test environment lets a tester trigger. */
export type SandboxLifecycleChange = { event: 'suspend' | 'resume' | 'delete' } | { event: 'card_updated'; expiry_month: number; expiry_year: number };

export interface SandboxProvider extends TokenServiceProvider {
  /** Changes a token as the scheme would, then calls the lifecycle handler. */
  simulate(ref: string, change: SandboxLifecycleChange): Promise<NetworkTokenStatus>;
  /** The token's cryptogram key, for tests that verify cryptograms (sandbox-cryptogram.ts). */
  cryptogramKey(ref: string): Promise<Buffer>;
}

export interface SandboxOptions {
  db: Kysely<Database>;
  cipher: FieldCipher;
  /** The PAN's fingerprint under the active fingerprint key, and under every live one (deps.fingerprint*). */
  fingerprint: (pan: string) => string;
  fingerprintCandidates: (pan: string) => string[];
  now: () => number;
}

/** The token services the sandbox stands in for, by scheme (`network_token.type`). */
const TOKEN_SERVICE: Record<NetworkScheme, string> = { visa: 'vts', mastercard: 'mdes', 'american express': 'aets', discover: 'dts' };
/** E-commerce indicators the sandbox puts on TAVV cryptograms. */
const ECI: Partial<Record<NetworkScheme, string>> = { visa: '07', mastercard: '02' };
/** Network tokens outlive the card: three years from provisioning in the sandbox. */
const TOKEN_LIFETIME_YEARS = 3;

const isNetworkScheme = (scheme: string): scheme is NetworkScheme => (NETWORK_SCHEMES as readonly string[]).includes(scheme);

/**
 * The embedded token service provider: behaves like a scheme's test environment and keeps its
 * state in the vault's database (so several vault processes share it). Token numbers and
 * cryptogram keys are encrypted with the field cipher like PANs.
 */
export function createSandboxProvider(options: SandboxOptions): SandboxProvider {
  const { db, cipher } = options;
  let handler: LifecycleHandler | undefined;

  async function load(ref: string) {
    const row = await db.selectFrom('sandbox_tsp_tokens').selectAll().where('ref', '=', ref).executeTakeFirst();
    if (!row) throw new TokenServiceError('NOT_FOUND', 'The sandbox token service does not know this token');
    return row;
  }

  async function setStatus(ref: string, from: NetworkTokenStatus[], to: NetworkTokenStatus) {
    const result = await db.updateTable('sandbox_tsp_tokens').set({ status: to }).where('ref', '=', ref).where('status', 'in', from).executeTakeFirst();
    if (result.numUpdatedRows !== 1n) {
      await load(ref);
      throw new TokenServiceError('NOT_ACTIVE', `The token cannot become ${to} from its current status`);
    }
  }

  return {
    name: 'sandbox',

    async provision(request) {
      if (!isNetworkScheme(request.scheme)) throw new TokenServiceError('NOT_ELIGIBLE', 'The scheme issues no network tokens');
      // Tokens issued for this card so far, under any live fingerprint key (dual lookup): this table
      // holds no PAN, so a fingerprint rotation cannot re-key its rows; the older versions stay loaded.
      const issued = await db
        .selectFrom('sandbox_tsp_tokens')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('pan_fingerprint', 'in', options.fingerprintCandidates(request.account_number))
        .executeTakeFirstOrThrow();
      const number = sandboxTokenNumber(request.account_number, request.scheme, Number(issued.n));
      const ref = randomUUID();
      const now = new Date(options.now());
      const expiry_month = now.getUTCMonth() + 1;
      const expiry_year = now.getUTCFullYear() + TOKEN_LIFETIME_YEARS;
      await db
        .insertInto('sandbox_tsp_tokens')
        .values({
          ref,
          scheme: request.scheme,
          number_ct: cipher.encrypt(number, `sandbox_tsp_tokens:${ref}:number`),
          key_ct: cipher.encrypt(randomBytes(32).toString('base64'), `sandbox_tsp_tokens:${ref}:key`),
          pan_fingerprint: options.fingerprint(request.account_number),
          status: 'active',
          expiry_month,
          expiry_year,
          created_at: now.getTime(),
        })
        .execute();
      return { ref, type: TOKEN_SERVICE[request.scheme], number, expiry_month, expiry_year, status: 'active' };
    },

    async status(ref) {
      return (await load(ref)).status as NetworkTokenStatus;
    },

    async cryptogram(ref, request): Promise<Cryptogram> {
      const row = await load(ref);
      if (row.status !== 'active') throw new TokenServiceError('NOT_ACTIVE', `The token is ${row.status}`);
      const scheme = row.scheme as NetworkScheme;
      const number = cipher.decrypt(row.number_ct, `sandbox_tsp_tokens:${ref}:number`);
      const key = Buffer.from(cipher.decrypt(row.key_ct, `sandbox_tsp_tokens:${ref}:key`), 'base64');
      const input = { number, amount: request.amount, currency: request.currency };
      const expiry = { expiry_month: row.expiry_month, expiry_year: row.expiry_year };
      const eci = ECI[scheme];
      if (eci) return { kind: 'tavv', cryptogram: tavvCryptogram(key, input), eci, number, ...expiry };
      return { kind: 'dcvv', dynamic_cvv: dynamicCvv(key, input, scheme, options.now()), number, ...expiry };
    },

    async delete(ref) {
      await setStatus(ref, ['active', 'suspended'], 'deleted');
    },

    onLifecycle(next) {
      handler = next;
    },

    async simulate(ref, change) {
      const row = await load(ref);
      let status = row.status as NetworkTokenStatus;
      let reason: string;
      if (change.event === 'suspend') {
        status = 'suspended';
        await setStatus(ref, ['active'], status);
        reason = 'The scheme suspended the network token.';
      } else if (change.event === 'resume') {
        status = 'active';
        await setStatus(ref, ['suspended'], status);
        reason = 'The scheme resumed the network token.';
      } else if (change.event === 'delete') {
        status = 'deleted';
        await setStatus(ref, ['active', 'suspended'], status);
        reason = 'The scheme deleted the network token.';
      } else {
        if (status === 'deleted') throw new TokenServiceError('NOT_ACTIVE', 'The token is deleted');
        reason = 'The issuer updated the card of the network token.';
      }
      await handler?.({
        ref,
        status,
        reason,
        ...(change.event === 'card_updated' ? { card: { expiry_month: change.expiry_month, expiry_year: change.expiry_year } } : {}),
      });
      return status;
    },

    async cryptogramKey(ref) {
      const row = await load(ref);
      return Buffer.from(cipher.decrypt(row.key_ct, `sandbox_tsp_tokens:${ref}:key`), 'base64');
    },
  };
}
