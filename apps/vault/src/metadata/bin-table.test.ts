import { describe, expect, it } from 'vitest';
import { BinTableError, flattenRanges, parseBinTable, type BinRange } from './bin-table.ts';

const HEADER = 'start,end,scheme,type,segment,issuer_name,issuer_country_code,currency_code,product_code,product_name';

describe('parseBinTable', () => {
  it('reads CSV (quoted commas included) and JSON alike; empty cells stay unknown', () => {
    const csv = `${HEADER}\n41111111,41111111,visa,credit,consumer,"Bank, Test",de,eur,F,Visa Classic\n555555,,Mastercard,,,,,,,\n`;
    const { ranges, rejected } = parseBinTable(csv, 'csv');
    expect(rejected).toEqual([]);
    expect(ranges).toEqual([
      {
        line: 2,
        start: '41111111',
        end: '41111111',
        scheme: 'visa',
        type: 'credit',
        segment: 'consumer',
        issuer_name: 'Bank, Test',
        issuer_country_code: 'DE',
        currency_code: 'EUR',
        product_code: 'F',
        product_name: 'Visa Classic',
      },
      {
        line: 3,
        start: '555555',
        end: '555555',
        scheme: 'mastercard',
        type: null,
        segment: null,
        issuer_name: null,
        issuer_country_code: null,
        currency_code: null,
        product_code: null,
        product_name: null,
      },
    ]);
    const json = parseBinTable(JSON.stringify([{ start: '378282', scheme: 'americanexpress' }]), 'json');
    expect(json.ranges[0]).toMatchObject({ line: 1, start: '378282', end: '378282', scheme: 'american express', type: null });
  });

  it('reports each rejected row with its line and every reason, keeping the good ones', () => {
    const csv = [
      HEADER,
      '411111,411111,visa,,,,,,,',
      '4111,4111,visa,,,,,,,',
      '411112,41111299,visa,,,,,,,',
      '411119,411110,visa,,,,,,,',
      '422222,422222,maestro,gold,retail,,Germany,euro,,',
      '411111,411111,visa,,,,,,,',
      ',,,,,,,,,',
    ].join('\n');
    const { ranges, rejected } = parseBinTable(csv, 'csv');
    expect(ranges.map((r) => r.line)).toEqual([2]);
    expect(rejected).toEqual([
      { line: 3, reasons: ['start must be 6 to 12 digits'] },
      { line: 4, reasons: ['end must have as many digits as start'] },
      { line: 5, reasons: ['end is before start'] },
      {
        line: 6,
        reasons: [
          'scheme "maestro" is not one the API knows',
          'type must be one of credit, debit, prepaid, other',
          'segment must be one of consumer, commercial',
          'issuer_country_code must be ISO 3166-1 alpha-2 (2 letters)',
          'currency_code must be ISO 4217 alpha-3 (3 letters)',
        ],
      },
      { line: 7, reasons: ['duplicates the range 411111-411111 of line 2'] },
      { line: 8, reasons: ['start is required'] },
    ]);
  });

  it('refuses a file it cannot read as a whole', () => {
    expect(() => parseBinTable('start,colour\n411111,red', 'csv')).toThrow(BinTableError);
    expect(() => parseBinTable('{"start":"411111"}', 'json')).toThrow('array');
    expect(() => parseBinTable('[', 'json')).toThrow(BinTableError);
    expect(parseBinTable(JSON.stringify([{ start: 411111 }, { start: '411111', colour: 'red' }]), 'json').rejected).toEqual([
      { line: 1, reasons: ['start must be a string', 'start is required'] },
      { line: 2, reasons: ['unknown field colour'] },
    ]);
  });
});

describe('flattenRanges', () => {
  const range = (start: string, end = start): BinRange => ({
    line: 0,
    start,
    end,
    scheme: null,
    type: null,
    segment: null,
    issuer_name: null,
    issuer_country_code: null,
    currency_code: null,
    product_code: null,
    product_name: null,
  });
  /** The range index owning a 12-digit key, by brute force over the segments. */
  const owner = (segments: ReturnType<typeof flattenRanges>, key: string) => segments.find((s) => s.low <= Number(key) && Number(key) <= s.high)?.range;

  it('longest prefix first, then the narrower range, then the earlier row; gaps stay unowned', () => {
    const ranges = [range('400000', '499999'), range('41111111'), range('411100', '411199'), range('411100', '411199'), range('52000000', '52999999')];
    const segments = flattenRanges(ranges);
    expect(owner(segments, '411111110000')).toBe(1); // 8 digits beat 6
    expect(owner(segments, '411111120000')).toBe(2); // the narrower 6-digit range, first of two equal ones
    expect(owner(segments, '450000000000')).toBe(0);
    expect(owner(segments, '399999999999')).toBeUndefined();
    expect(owner(segments, '510000000000')).toBeUndefined();
    expect(owner(segments, '529999999999')).toBe(4);
    // Disjoint and sorted.
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.low).toBeGreaterThan(segments[i - 1]!.high);
  });

  it('agrees with a brute-force resolution on random overlapping tables', () => {
    // mulberry32, seeded: the same tables on every run.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    for (let round = 0; round < 20; round++) {
      const ranges: BinRange[] = [];
      for (let i = 0; i < 40; i++) {
        const length = 6 + random(3);
        const start = String(400000 + random(2000)).padEnd(length, String(random(10)));
        const end = String(Number(start) + random(5) * 10 ** (length - 6)).slice(0, length);
        ranges.push(range(start, end.length === start.length ? end : start));
      }
      const segments = flattenRanges(ranges);
      for (let probe = 0; probe < 200; probe++) {
        const key = String(400000 + random(2100)) + String(random(1_000_000)).padStart(6, '0');
        const candidates = ranges
          .map((r, i) => ({ r, i, lo: Number(r.start.padEnd(12, '0')), hi: Number(r.end.padEnd(12, '9')) }))
          .filter((c) => c.lo <= Number(key) && Number(key) <= c.hi)
          .sort((a, b) => b.r.start.length - a.r.start.length || a.hi - a.lo - (b.hi - b.lo) || a.i - b.i);
        expect(owner(segments, key)).toBe(candidates[0]?.i);
      }
    }
  });
});
