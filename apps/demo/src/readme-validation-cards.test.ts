import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMES, VALIDATION_ERROR_CODES, type FieldName, type ValidationErrorCode } from '@cardframe/protocol';
import en from '../../../packages/card-form/src/locales/en.ts';
import { errorMessage } from '../../../packages/card-form/src/messages.ts';
import { checkCvc, checkExpiryField, checkNumber, type FieldCheck } from '../../../packages/card-form/src/validate-card-fields.ts';

const root = path.resolve(import.meta.dirname, '../../..');

interface Row {
  input: string;
  /** The example typed into the field, from the input cell's backticks; undefined for a row that describes input. */
  example: string | undefined;
  code: ValidationErrorCode;
  message: string;
}

/** The README's "Cards that trigger each validation error" table, row by row. */
function readmeRows(): Row[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('Cards that trigger each validation error');
  const table = readme.slice(start, readme.indexOf('\n\n', readme.indexOf('| --- |', start)));
  return [...table.matchAll(/^\| (.+?) \| `([A-Z_]+)` \| (.+?) \|$/gm)].map(([, input, code, message]) => ({
    input: input!,
    example: /`([^`]+)`/.exec(input!)?.[1],
    code: code as ValidationErrorCode,
    message: message!,
  }));
}

/** The field an error code belongs to, as the frame shows it (messages.ts): the expiry codes, else the number. */
const fieldOf = (code: ValidationErrorCode): FieldName => (/EXPIRY/.test(code) ? 'expiry' : 'number');

/** What the card form's validation (the frame's, on a session accepting every brand) says about the example. */
function check(field: FieldName, text: string): FieldCheck {
  return field === 'expiry' ? checkExpiryField(text) : checkNumber(text.replace(/\D/g, ''), SCHEMES);
}

describe("the README's table of cards that trigger each validation error", () => {
  const rows = readmeRows();

  it('has a row for every validation error code', () => {
    expect(rows.map((r) => r.code).sort()).toEqual([...VALIDATION_ERROR_CODES].sort());
  });

  it.each(rows.filter((r) => r.example))('$example raises $code and shows its message', ({ example, code, message }) => {
    const field = fieldOf(code);
    const result = check(field, example!);
    expect(result.error).toBe(code);
    // Shown under the field at once (not only on blur): the README says the frame shows it.
    expect(result.immediate).toBe(true);
    expect(errorMessage(en, field, code)).toBe(message);
  });

  it('NOT_COMPLETE: a number, expiry or CVC left short', () => {
    const row = rows.find((r) => r.code === 'NOT_COMPLETE')!;
    expect(row.input).toMatch(/number, expiry or CVC left short/);
    expect(checkNumber('424242424242', SCHEMES).error).toBe('NOT_COMPLETE');
    expect(checkExpiryField('12 / 3').error).toBe('NOT_COMPLETE');
    expect(checkCvc('12', [3]).error).toBe('NOT_COMPLETE');
    // The complete card is accepted, so the short ones fail for being short.
    expect(checkNumber('4242424242424242', SCHEMES).error).toBeUndefined();
    expect(checkExpiryField(`12 / ${String(new Date().getFullYear() + 2).slice(2)}`).error).toBeUndefined();
    expect(checkCvc('123', [3]).error).toBeUndefined();
  });
});
