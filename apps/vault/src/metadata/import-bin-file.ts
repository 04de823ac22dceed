import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.ts';
import { replaceBinTable } from './bin-store.ts';
import { parseBinTable, type Rejected } from './bin-table.ts';

export interface ImportReport {
  accepted: number;
  rejected: Rejected[];
  /** Undefined on a dry run or when nothing was written. */
  segments?: number;
}

/** `.json` is a JSON array, anything else CSV. */
export function formatOf(file: string): 'csv' | 'json' {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'csv';
}

/**
 * Validates the table and, unless it is a dry run, replaces the stored one with its accepted
 * rows. A table whose every row is rejected is never written (it would empty the lookups).
 */
export async function importBinText(db: Kysely<Database>, text: string, format: 'csv' | 'json', options: { dryRun?: boolean } = {}): Promise<ImportReport> {
  const { ranges, rejected } = parseBinTable(text, format);
  if (options.dryRun || ranges.length === 0) return { accepted: ranges.length, rejected };
  const { segments } = await replaceBinTable(db, ranges);
  return { accepted: ranges.length, rejected, segments };
}

/** The report as the command prints it: one line per rejected row. */
export function formatReport(report: ImportReport, dryRun: boolean): string {
  const lines = report.rejected.map((r) => `rejected line ${r.line}: ${r.reasons.join('; ')}`);
  if (dryRun) lines.push(`dry run: ${report.accepted} range(s) valid, ${report.rejected.length} rejected; nothing written`);
  else if (report.segments === undefined) lines.push(`no valid range: ${report.rejected.length} rejected; the stored table is unchanged`);
  else lines.push(`imported ${report.accepted} range(s) (${report.segments} lookup segments), ${report.rejected.length} rejected`);
  return lines.join('\n');
}
