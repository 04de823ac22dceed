/**
 * Where security codes live: never durable storage. Values are already encrypted by the
 * caller ({@link createSecurityCodeVault}); the store only enforces the TTL.
 */
export interface SecurityCodeStore {
  put(tokenId: string, value: string, ttlSeconds: number): Promise<void>;
  get(tokenId: string): Promise<string | undefined>;
  /** Gets and deletes in one step: of two concurrent takers only one gets the value. */
  take(tokenId: string): Promise<string | undefined>;
  delete(tokenId: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
