import type { VaultDeps } from '../domain/vault-deps.ts';

/** Finished outbox rows are kept this long for inspection, then removed by the sweeper. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export async function pruneDeliveries(deps: VaultDeps): Promise<number> {
  const result = await deps.db
    .deleteFrom('webhook_deliveries')
    .where('status', '!=', 'pending')
    .where('finished_at', '<=', deps.now() - DELIVERY_RETENTION_MS)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
