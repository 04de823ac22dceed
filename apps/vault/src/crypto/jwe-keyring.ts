import { createPrivateKey, generateKeyPair, randomUUID, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import { compactDecrypt } from 'jose';
import type { Kysely } from 'kysely';
import type { SessionJwk } from '@cardframe/protocol/session-api';
import type { Database } from '../storage/database.ts';
import type { FieldCipher } from './field-cipher.ts';

const generateRsa = promisify(generateKeyPair);

export interface JweKeyring {
  /** The key new sessions are bound to; one per rotation period, shared by every vault process. */
  current(): Promise<{ kid: string; jwk: SessionJwk }>;
  publicJwk(kid: string): Promise<SessionJwk | undefined>;
  /**
   * Decrypts a compact JWE to the key `kid`: RSA-OAEP-256 or RSA-OAEP (SHA-1, what Hellgate's Web SDK
   * 3.8.1 sends), always with A256GCM; anything else is refused.
   */
  decrypt(kid: string, jwe: string): Promise<Uint8Array>;
}

export interface JweKeyringOptions {
  db: Kysely<Database>;
  cipher: FieldCipher;
  rotationSeconds: number;
  modulusLength: number;
  now: () => number;
}

interface Loaded {
  jwk: SessionJwk;
  /** Independent, non-extractable copies of one private key, used in turn (see {@link DECRYPT_LANES}). */
  privateKeys: webcrypto.CryptoKey[];
  /** The same key for RSA-OAEP with SHA-1: WebCrypto binds the OAEP hash to the imported key. */
  sha1Keys: webcrypto.CryptoKey[];
  next: number;
}

/**
 * WebCrypto runs each RSA decryption on libuv's threadpool, but OpenSSL serializes concurrent
 * private-key operations on one key object: with a single CryptoKey, ten JWEs in flight reached
 * ~1300 decryptions/s on two cores, with four copies ~1750 (one thread of raw node:crypto: ~1360;
 * `BENCH_ROWS=raw,jose npm run bench` measures both). So each key is imported once per threadpool
 * thread (libuv's default is 4).
 */
const DECRYPT_LANES = Number(process.env.UV_THREADPOOL_SIZE) || 4;

/** Non-extractable RSA-OAEP decryption keys (SHA-256 unless told), one per lane, from a PKCS#8 PEM. */
export async function importDecryptLanes(pem: string, hash: 'SHA-256' | 'SHA-1' = 'SHA-256'): Promise<webcrypto.CryptoKey[]> {
  const pkcs8 = createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
  return Promise.all(Array.from({ length: DECRYPT_LANES }, () => webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-OAEP', hash }, false, ['decrypt'])));
}

/** The key-management algorithms sessions accept; the content encryption is always A256GCM. */
export const SESSION_KEY_ALGORITHMS = ['RSA-OAEP-256', 'RSA-OAEP'] as const;

/**
 * One RSA key pair per rotation period (not per session): RSA generation costs tens of
 * milliseconds, far too much for session creation. Older keys stay in the table, decrypt-only,
 * until the sweeper removes them after their sessions can no longer be open (ADR 0001).
 */
export function createJweKeyring(options: JweKeyringOptions): JweKeyring {
  const { db, cipher } = options;
  const rotationMs = options.rotationSeconds * 1000;
  const cache = new Map<string, Loaded>();
  let current: { generation: number; kid: string } | undefined;
  let pending: Promise<{ kid: string; jwk: SessionJwk }> | undefined;

  async function load(kid: string): Promise<Loaded | undefined> {
    const hit = cache.get(kid);
    if (hit) return hit;
    const row = await db.selectFrom('jwe_keys').selectAll().where('kid', '=', kid).executeTakeFirst();
    if (!row) return undefined;
    const pem = cipher.decrypt(row.private_ct, `jwe_keys:${row.kid}:private`);
    const [privateKeys, sha1Keys] = await Promise.all([importDecryptLanes(pem), importDecryptLanes(pem, 'SHA-1')]);
    const loaded: Loaded = { jwk: JSON.parse(row.public_jwk) as SessionJwk, privateKeys, sha1Keys, next: 0 };
    // Two concurrent first loads may both import; the first stored wins, so lanes stay per key.
    const raced = cache.get(kid);
    if (raced) return raced;
    cache.set(kid, loaded);
    return loaded;
  }

  async function ensure(generation: number): Promise<{ kid: string; jwk: SessionJwk }> {
    let row = await db.selectFrom('jwe_keys').select('kid').where('generation', '=', generation).executeTakeFirst();
    if (!row) {
      const { publicKey, privateKey } = await generateRsa('rsa', { modulusLength: options.modulusLength });
      const kid = randomUUID();
      const { n, e } = publicKey.export({ format: 'jwk' });
      const jwk: SessionJwk = { kty: 'RSA', n: n!, e: e!, kid, alg: 'RSA-OAEP-256', use: 'enc' };
      const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
      await db
        .insertInto('jwe_keys')
        .values({
          kid,
          generation,
          public_jwk: JSON.stringify(jwk),
          private_ct: cipher.encrypt(pem, `jwe_keys:${kid}:private`),
          created_at: options.now(),
        })
        .onConflict((oc) => oc.column('generation').doNothing())
        .execute();
      // Whoever won the insert race, everyone reads the same row back.
      row = await db.selectFrom('jwe_keys').select('kid').where('generation', '=', generation).executeTakeFirstOrThrow();
    }
    const loaded = await load(row.kid);
    if (!loaded) throw new Error('JWE key vanished after insert');
    current = { generation, kid: row.kid };
    return { kid: row.kid, jwk: loaded.jwk };
  }

  return {
    async current() {
      const generation = Math.floor(options.now() / rotationMs);
      if (current?.generation === generation) {
        const loaded = cache.get(current.kid);
        if (loaded) return { kid: current.kid, jwk: loaded.jwk };
      }
      pending ??= ensure(generation).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    async publicJwk(kid) {
      return (await load(kid))?.jwk;
    },
    async decrypt(kid, jwe) {
      const loaded = await load(kid);
      if (!loaded) throw new Error('unknown JWE key');
      loaded.next = (loaded.next + 1) % loaded.privateKeys.length;
      const lane = loaded.next;
      // jose checks `alg` against the allowlist before it asks for the key.
      const { plaintext } = await compactDecrypt(jwe, (header) => (header.alg === 'RSA-OAEP' ? loaded.sha1Keys : loaded.privateKeys)[lane]!, {
        keyManagementAlgorithms: [...SESSION_KEY_ALGORITHMS],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      return plaintext;
    },
  };
}
