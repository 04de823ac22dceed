import { parse } from 'csv-parse/sync';
import { schemeFromSessionName, type Scheme } from '@cardframe/protocol';

/**
 * The operator's BIN range table (README, "Metadata inquiries"): CSV with a header row, or a JSON
 * array of objects, both with these columns. `start` and `end` are PAN prefixes of 6 to 12 digits
 * and equal length (`end` defaults to `start`); every other column may be empty, and an empty
 * value stays unknown: the inquiry leaves that field out.
 */
export const BIN_COLUMNS = [
  'start',
  'end',
  'scheme',
  'type',
  'segment',
  'issuer_name',
  'issuer_country_code',
  'currency_code',
  'product_code',
  'product_name',
] as const;
type Column = (typeof BIN_COLUMNS)[number];

export const FUNDING_TYPES = ['credit', 'debit', 'prepaid', 'other'] as const;
export const SEGMENTS = ['consumer', 'commercial'] as const;

/** Lookups compare the first 12 digits of a PAN; shorter prefixes are padded (start with 0s, end with 9s). */
export const KEY_DIGITS = 12;

export interface BinRange {
  /** 1-based line (CSV, counting the header) or array index + 1 (JSON): where a rejection points. */
  line: number;
  start: string;
  end: string;
  scheme: Scheme | null;
  type: (typeof FUNDING_TYPES)[number] | null;
  segment: (typeof SEGMENTS)[number] | null;
  issuer_name: string | null;
  issuer_country_code: string | null;
  currency_code: string | null;
  product_code: string | null;
  product_name: string | null;
}

export interface Rejected {
  line: number;
  reasons: string[];
}

export interface ParsedTable {
  ranges: BinRange[];
  rejected: Rejected[];
}

/** Thrown when the file as a whole is unusable (not CSV/JSON, unknown or missing columns). */
export class BinTableError extends Error {
  override name = 'BinTableError';
}

const isColumn = (name: string): name is Column => (BIN_COLUMNS as readonly string[]).includes(name);

export function parseBinTable(text: string, format: 'csv' | 'json'): ParsedTable {
  let records: Record<string, unknown>[];
  let firstLine: number;
  if (format === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new BinTableError(`not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(json)) throw new BinTableError('the JSON table must be an array of objects');
    records = json as Record<string, unknown>[];
    firstLine = 1;
  } else {
    let rows: string[][];
    try {
      rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
    } catch (error) {
      throw new BinTableError(`not valid CSV: ${(error as Error).message}`);
    }
    const header = rows.shift() ?? [];
    const unknown = header.filter((name) => !isColumn(name));
    if (unknown.length) throw new BinTableError(`unknown column(s) ${unknown.join(', ')}; known: ${BIN_COLUMNS.join(', ')}`);
    if (!header.includes('start')) throw new BinTableError('the header must name a start column');
    records = rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
    firstLine = 2;
  }
  const ranges: BinRange[] = [];
  const rejected: Rejected[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const line = firstLine + i;
    const result = validateRecord(record, line);
    if ('reasons' in result) {
      rejected.push(result);
      return;
    }
    const key = `${result.start}-${result.end}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      rejected.push({ line, reasons: [`duplicates the range ${key} of line ${earlier}`] });
      return;
    }
    seen.set(key, line);
    ranges.push(result);
  });
  return { ranges, rejected };
}

function validateRecord(record: unknown, line: number): BinRange | Rejected {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { line, reasons: ['is not an object'] };
  const reasons: string[] = [];
  const value = (name: Column): string | null => {
    const raw = (record as Record<string, unknown>)[name];
    if (raw === undefined || raw === null || raw === '') return null;
    if (typeof raw !== 'string') {
      reasons.push(`${name} must be a string`);
      return null;
    }
    return raw.trim() === '' ? null : raw.trim();
  };
  for (const name of Object.keys(record)) if (!isColumn(name)) reasons.push(`unknown field ${name}`);
  const start = value('start');
  const end = value('end') ?? start;
  if (start === null) reasons.push('start is required');
  else if (!/^\d{6,12}$/.test(start)) reasons.push('start must be 6 to 12 digits');
  else if (end === null || !/^\d{6,12}$/.test(end) || end.length !== start.length) reasons.push('end must have as many digits as start');
  else if (end < start) reasons.push('end is before start');
  const schemeName = value('scheme');
  const scheme = schemeName === null ? null : (schemeFromSessionName(schemeName.toLowerCase()) ?? null);
  if (schemeName !== null && scheme === null) reasons.push(`scheme "${schemeName}" is not one the API knows`);
  const oneOf = <T extends string>(name: Column, allowed: readonly T[]): T | null => {
    const v = value(name)?.toLowerCase() ?? null;
    if (v !== null && !(allowed as readonly string[]).includes(v)) reasons.push(`${name} must be one of ${allowed.join(', ')}`);
    return (allowed as readonly string[]).includes(v ?? '') ? (v as T) : null;
  };
  const type = oneOf('type', FUNDING_TYPES);
  const segment = oneOf('segment', SEGMENTS);
  const matching = (name: Column, pattern: RegExp, what: string, transform = (s: string) => s): string | null => {
    const v = value(name);
    if (v === null) return null;
    const t = transform(v);
    if (!pattern.test(t)) reasons.push(`${name} must be ${what}`);
    return t;
  };
  const issuer_country_code = matching('issuer_country_code', /^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 (2 letters)', (s) => s.toUpperCase());
  const currency_code = matching('currency_code', /^[A-Z]{3}$/, 'ISO 4217 alpha-3 (3 letters)', (s) => s.toUpperCase());
  const product_code = matching('product_code', /^[A-Za-z0-9_-]{1,16}$/, '1 to 16 letters, digits, - or _');
  const issuer_name = matching('issuer_name', /^\P{Cc}{1,100}$/u, '1 to 100 printable characters');
  const product_name = matching('product_name', /^\P{Cc}{1,100}$/u, '1 to 100 printable characters');
  if (reasons.length) return { line, reasons };
  return { line, start: start!, end: end!, scheme, type, segment, issuer_name, issuer_country_code, currency_code, product_code, product_name };
}

export interface Segment {
  low: number;
  high: number;
  /** Index into the ranges array. */
  range: number;
}

/**
 * Resolves overlaps once, at import: the PAN-prefix space is cut into disjoint segments, each
 * owned by the range that wins there — the longest prefix first, then the narrower range, then
 * the earlier line. A lookup is then a single indexed "last segment starting at or below".
 * A sweep over the sorted boundaries with a heap of the ranges open at each point: O(n log n).
 */
export function flattenRanges(ranges: readonly BinRange[]): Segment[] {
  const n = ranges.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = Number(ranges[i]!.start.padEnd(KEY_DIGITS, '0'));
    hi[i] = Number(ranges[i]!.end.padEnd(KEY_DIGITS, '9'));
  }
  // Does range a win over range b?
  const wins = (a: number, b: number) => {
    const la = ranges[a]!.start.length;
    const lb = ranges[b]!.start.length;
    if (la !== lb) return la > lb;
    const wa = hi[a]! - lo[a]!;
    const wb = hi[b]! - lo[b]!;
    if (wa !== wb) return wa < wb;
    return a < b;
  };
  const byStart = Array.from({ length: n }, (_, i) => i).sort((a, b) => lo[a]! - lo[b]!);
  const points = [...new Set([...lo, ...Array.from(hi, (h) => h + 1)])].sort((a, b) => a - b);
  const heap = new RangeHeap(wins);
  const segments: Segment[] = [];
  let next = 0;
  for (let p = 0; p < points.length - 1; p++) {
    const at = points[p]!;
    while (next < n && lo[byStart[next]!] === at) heap.push(byStart[next++]!);
    // Ranges that ended before this point leave lazily, when they reach the top.
    while (heap.size > 0 && hi[heap.peek()]! < at) heap.pop();
    if (heap.size === 0) continue;
    const winner = heap.peek();
    const high = points[p + 1]! - 1;
    const last = segments.at(-1);
    if (last && last.range === winner && last.high === at - 1) last.high = high;
    else segments.push({ low: at, high, range: winner });
  }
  return segments;
}

/**
 * A binary heap ordered by `before` (hand-written: twenty lines, where a dependency would bring
 * an API for a single use).
 */
class RangeHeap {
  private items: number[] = [];
  constructor(private readonly before: (a: number, b: number) => boolean) {}
  get size() {
    return this.items.length;
  }
  peek(): number {
    return this.items[0]!;
  }
  push(value: number) {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.before(items[l]!, items[best]!)) best = l;
        if (r < items.length && this.before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}
