import type { VaultDeps } from '../domain/vault-deps.ts';

/** Physically deletes expired generic tokens (reads already hide them); safe in every process at once. */
export async function sweepGenericTokens(deps: VaultDeps): Promise<number> {
  const result = await deps.db.deleteFrom('generic_tokens').where('expires_at', '<=', deps.now()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
