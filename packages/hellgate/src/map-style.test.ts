import { describe, expect, test } from 'vitest';
import type { HellgateError } from './hellgate-error.ts';
import { mapStyle } from './map-style.ts';
import type { Styles } from './types.ts';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return [(error as HellgateError).code, (error as HellgateError).message];
  }
  return undefined;
};

describe('mapStyle', () => {
  test("Hellgate's sample style (without fonts) passes through with its variants and pseudo selectors", () => {
    const style: Styles = {
      base: {
        fontFamily: 'system-ui, sans-serif',
        color: '#1a1a1a',
        fontSize: '16px',
        fontWeight: '400',
        lineHeight: '24px',
        padding: '8px',
        backgroundColor: '#fff',
        '::placeholder': { color: '#888' },
        ':disabled': { color: '#aaa' },
      },
      complete: { color: 'green' },
      invalid: { color: 'rgb(200, 0, 0)' },
      empty: { fontStyle: 'italic' },
    };
    expect(mapStyle({ ...style, fonts: [] })).toEqual(style);
    expect(mapStyle(undefined)).toBeUndefined();
  });

  test.each([
    [{ fonts: ['https://fonts.example/inter.css'] }, 'style.fonts'],
    [{ base: { fontSmooth: 'antialiased' } }, 'style.base.fontSmooth'],
    [{ complete: { height: '40px' } }, 'style.complete.height'],
    [{ base: { ':read-only': { color: 'red' } } }, 'style.base[":read-only"]'],
    [{ invalid: { ':hover': { height: '40px' } } }, 'style.invalid[":hover"].height'],
  ] as [Styles, string][])('refuses what Cardframe cannot map: %j', (style, path) => {
    const [code, message] = codeOf(() => mapStyle(style))!;
    expect(code).toBe('UNSUPPORTED');
    expect(message).toContain(`${path} is not supported by Cardframe`);
  });

  test('leaves anything else to the SDK allowlist (which refuses it with INVALID_STYLE)', () => {
    expect(mapStyle({ base: { backgroundImage: 'url(x)' } } as unknown as Styles)).toEqual({ base: { backgroundImage: 'url(x)' } });
    expect(codeOf(() => mapStyle('red' as unknown as Styles))?.[0]).toBe('INVALID_OPTIONS');
    expect(codeOf(() => mapStyle({ fonts: 'x' } as unknown as Styles))?.[0]).toBe('INVALID_OPTIONS');
  });
});
