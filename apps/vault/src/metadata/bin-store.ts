import type { Kysely } from 'kysely';
import type { Database } from '../storage/database.ts';
import type { BinRangesTable } from '../storage/network-tables.ts';
import { preparedQuery } from '../storage/prepared-query.ts';
import { flattenRanges, KEY_DIGITS, type BinRange } from './bin-table.ts';

/** Rows per INSERT: 11 columns x 1500 stays under SQLite's and Postgres' bound-parameter limits. */
const CHUNK = 1500;

/**
 * Replaces the whole table in one transaction: readers see the old table or the new one, never
 * a mix. Returns how many segments the overlaps resolved into.
 */
export async function replaceBinTable(db: Kysely<Database>, ranges: readonly BinRange[]): Promise<{ ranges: number; segments: number }> {
  const segments = flattenRanges(ranges);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('bin_segments').execute();
    await trx.deleteFrom('bin_ranges').execute();
    for (let i = 0; i < ranges.length; i += CHUNK) {
      const rows: BinRangesTable[] = ranges.slice(i, i + CHUNK).map(({ line: _line, ...range }, j) => ({ id: i + j, ...range }));
      await trx.insertInto('bin_ranges').values(rows).execute();
    }
    for (let i = 0; i < segments.length; i += CHUNK * 3) {
      const rows = segments.slice(i, i + CHUNK * 3).map((s) => ({ low: s.low, high: s.high, range_id: s.range }));
      await trx.insertInto('bin_segments').values(rows).execute();
    }
  });
  return { ranges: ranges.length, segments: segments.length };
}

// The inquiry's one statement, compiled once (prepared-query.ts).
const lookupQuery = preparedQuery(1, (db, key: number) =>
  db
    .selectFrom('bin_segments')
    .innerJoin('bin_ranges', 'bin_ranges.id', 'bin_segments.range_id')
    .selectAll('bin_ranges')
    .select('bin_segments.high')
    .where('bin_segments.low', '<=', key)
    .orderBy('bin_segments.low', 'desc')
    .limit(1),
);

/** The range that owns this PAN's first 12 digits, if the table has one. One primary-key range read. */
export async function lookupBinRange(db: Kysely<Database>, pan: string): Promise<BinRangesTable | undefined> {
  const key = Number(pan.slice(0, KEY_DIGITS).padEnd(KEY_DIGITS, '0'));
  const row = (await lookupQuery.run(db, [key])).rows[0];
  // Postgres returns bigint as a string.
  if (!row || Number(row.high) < key) return undefined;
  const { high: _high, ...range } = row;
  return range;
}
