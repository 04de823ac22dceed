import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.ts';
import { BinTableError } from './metadata/bin-table.ts';
import { formatOf, formatReport, importBinText } from './metadata/import-bin-file.ts';
import { createDb } from './storage/create-db.ts';
import { currentSchema, migrateToLatest } from './storage/migrations.ts';

/**
 * `node apps/vault/dist/import-bin-ranges.js <table.csv|table.json> [--dry-run]`: validates an
 * operator's BIN range table, reports rejected rows, and replaces the stored table with the
 * accepted ones. Reads DATABASE_URL / CARDFRAME_DATA_DIR like the vault. On the embedded SQLite
 * the vault must be stopped (it owns its data dir); on Postgres it may run, and sees the new
 * table at once (one transaction). Exit: 0 all rows imported, 2 some rejected, 1 failure.
 */
async function main() {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: import-bin-ranges <table.csv|table.json> [--dry-run]');
    process.exit(1);
  }
  const config = loadConfig(process.env);
  const text = readFileSync(file, 'utf8');
  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db, handle.engine === 'postgres' ? await currentSchema(handle.db) : undefined);
    const report = await importBinText(handle.db, text, formatOf(file), { dryRun });
    console.log(formatReport(report, dryRun));
    process.exitCode = report.rejected.length > 0 ? 2 : 0;
  } finally {
    await handle.db.destroy();
  }
}

main().catch((error: Error) => {
  const known = error instanceof BinTableError || error instanceof ConfigError;
  console.error(`import-bin-ranges: ${known ? error.message : `failed: ${error.message}`}`);
  process.exit(1);
});
