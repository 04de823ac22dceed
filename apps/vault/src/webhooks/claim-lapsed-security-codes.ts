import type { ExpressionBuilder } from 'kysely';
import type { VaultDeps } from '../domain/vault-deps.ts';
import type { Database } from '../storage/database.ts';
import { enqueueEvents } from './enqueue-event.ts';
import { SECURITY_CODE_EXPIRED_REASON } from './webhook-events.ts';

/**
 * Fires `pci.token.security-code.expired` exactly once per lapse. One conditional UPDATE … RETURNING
 * claims the lapsed tokens by clearing `security_code_expires_at`, so of several vault processes
 * running this at once each token is claimed by exactly one; the outbox rows are written in the
 * same transaction. An explicit CVC delete already cleared the column and a deleted token has no
 * row, so neither fires. A later refresh sets the column again and its lapse fires again.
 */
export async function claimLapsedSecurityCodes(deps: VaultDeps, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const now = deps.now();
    const claimed = await deps.db.transaction().execute(async (trx) => {
      const lapsed = (eb: ExpressionBuilder<Database, 'tokens'>) =>
        eb.and([eb('security_code_expires_at', '<=', now), eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)])]);
      const rows = await trx
        .updateTable('tokens')
        .set({ security_code_expires_at: null })
        .where('id', 'in', trx.selectFrom('tokens').select('id').where(lapsed).limit(batch))
        .where(lapsed)
        .returning('id')
        .execute();
      await enqueueEvents(
        trx,
        now,
        'pci.token.security-code.expired',
        rows.map((r) => ({ reason: SECURITY_CODE_EXPIRED_REASON, related_object: { id: r.id, url: `${deps.publicUrl}/api/pci/tokens/${r.id}` } })),
      );
      return rows.length;
    });
    total += claimed;
    if (claimed < batch) return total;
  }
}
