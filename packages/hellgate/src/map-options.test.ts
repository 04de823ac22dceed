import { describe, expect, test } from 'vitest';
import type { HellgateError } from './hellgate-error.ts';
import { mapElementOptions, mapFormFieldsOptions } from './map-options.ts';
import type { ElementOptions, FormFieldsOptions } from './types.ts';

function refusal(run: () => unknown): { code: string; message: string } | undefined {
  try {
    run();
  } catch (error) {
    return { code: (error as HellgateError).code, message: (error as HellgateError).message };
  }
  return undefined;
}

const style = { base: { color: '#111' } };

describe('mapElementOptions', () => {
  test('style, disabled and a string placeholder map onto the field the element drives', () => {
    expect(mapElementOptions({ style, placeholder: '0000 0000 0000 0000', disabled: true, autocomplete: 'on' }, 'number', 'options')).toEqual({
      style,
      disabled: true,
      placeholder: { number: '0000 0000 0000 0000' },
    });
    expect(mapElementOptions(undefined, 'cvc', 'options')).toEqual({});
  });

  test.each([
    [{ height: 40 }, 'options.height'],
    [{ cvcOnly: true }, 'options.cvcOnly'],
    [{ ariaLabel: 'Card' }, 'options.ariaLabel'],
    [{ icon: 'left' }, 'options.icon'],
    [{ schemes: ['visa'] }, 'options.schemes'],
    [{ autocomplete: 'off' }, "options.autocomplete: 'off'"],
  ] as [ElementOptions, string][])('refuses an option with no Cardframe counterpart: %j', (options, path) => {
    expect(refusal(() => mapElementOptions(options, 'number', 'options'))).toEqual({
      code: 'UNSUPPORTED',
      message: expect.stringContaining(`${path} is not supported by Cardframe: `),
    });
  });

  test('the combined form takes no placeholder; an unknown option is a typo, refused', () => {
    expect(refusal(() => mapElementOptions({ placeholder: 'Card' }, undefined, 'options'))?.code).toBe('UNSUPPORTED');
    expect(refusal(() => mapElementOptions({ colour: 'red' } as ElementOptions, 'number', 'options'))).toEqual({
      code: 'INVALID_OPTIONS',
      message: 'options: unknown option "colour"',
    });
  });
});

describe('mapFormFieldsOptions', () => {
  test("global options apply to every field; Hellgate's namespaced ones override them per field", () => {
    const options: FormFieldsOptions = {
      style,
      disabled: false,
      cardNumber: { placeholder: '0000 0000 0000 0000' },
      securityCode: { placeholder: '000', style: { base: { color: '#222' } } },
      expiryDateElement: 'combined',
    };
    expect(mapFormFieldsOptions(options)).toEqual({
      cardNumber: { style, disabled: false, placeholder: { number: '0000 0000 0000 0000' } },
      expiryDate: { style, disabled: false },
      securityCode: { style: { base: { color: '#222' } }, disabled: false, placeholder: { cvc: '000' } },
    });
    expect(mapFormFieldsOptions(undefined)).toEqual({ cardNumber: {}, expiryDate: {}, securityCode: {} });
  });

  test('a global placeholder goes to every field, as in Hellgate', () => {
    expect(mapFormFieldsOptions({ placeholder: '…' }).expiryDate).toEqual({ placeholder: { expiry: '…' } });
  });

  test("separate month and year fields do not map: Cardframe's expiry is one field", () => {
    expect(refusal(() => mapFormFieldsOptions({ expiryDateElement: 'separate' }))?.code).toBe('UNSUPPORTED');
    expect(refusal(() => mapFormFieldsOptions({ securityCode: { cvcOnly: true } }))?.message).toContain('options.securityCode.cvcOnly');
  });
});
