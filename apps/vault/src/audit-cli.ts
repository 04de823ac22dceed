import { verifyChain } from './audit/audit-chain.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDb } from './storage/create-db.ts';

/**
 * `npm run audit -w @cardframe/vault -- verify|export`: the audit trail from the command line, over
 * the same DATABASE_URL / CARDFRAME_DATA_DIR as the vault. `verify` walks the hash chain, prints
 * the first broken link (exit 1) or the head hash to record elsewhere (exit 0); `export` writes
 * every event as one JSON line to stdout. An embedded SQLite data dir is owned by its running vault
 * (ADR 0006): stop it first, or use `GET /api/admin/audit-events/verify` and `/export`.
 * CARDFRAME_AUDIT_SCHEMA selects a PostgreSQL schema other than the connection's default.
 */
async function main() {
  const command = process.argv[2];
  if (command !== 'verify' && command !== 'export') {
    console.error('usage: audit-cli verify | export');
    process.exit(2);
  }
  const config = loadConfig(process.env);
  const handle = createDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(process.env.CARDFRAME_AUDIT_SCHEMA ? { schema: process.env.CARDFRAME_AUDIT_SCHEMA } : {}),
    poolSize: 1,
  });
  try {
    if (command === 'verify') {
      const verdict = await verifyChain(handle.db);
      if (verdict.ok) {
        console.log(`audit chain intact: ${verdict.checked} events, head ${verdict.head}`);
      } else {
        console.log(`audit chain BROKEN at event ${verdict.firstBroken!.seq}: ${verdict.firstBroken!.reason} (${verdict.checked} events checked)`);
        process.exitCode = 1;
      }
    } else {
      for (let after = 0; ; ) {
        const page = await handle.db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(1000).execute();
        for (const row of page)
          process.stdout.write(
            `${JSON.stringify({ ...row, seq: Number(row.seq), at: new Date(Number(row.at)).toISOString(), detail: row.detail ? JSON.parse(row.detail) : null })}\n`,
          );
        if (page.length < 1000) break;
        after = Number(page.at(-1)!.seq);
      }
    }
  } finally {
    await handle.db.destroy();
  }
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : `audit: ${error.message}`);
  process.exit(1);
});
