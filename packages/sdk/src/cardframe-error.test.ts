import { describe, expect, test } from 'vitest';
import { CardframeError } from './cardframe-error.ts';

describe('CardframeError', () => {
  test('is rebuilt from the {code, message} data the frame sends', () => {
    const error = CardframeError.from({ code: 'SESSION_EXPIRED', message: 'The session expired' });
    expect(error).toBeInstanceOf(CardframeError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CardframeError');
    expect(error.code).toBe('SESSION_EXPIRED');
    expect(error.message).toBe('The session expired');
    expect(error.toJSON()).toEqual({ code: 'SESSION_EXPIRED', message: 'The session expired' });
  });

  test('unknown codes and foreign errors fall back without echoing their text', () => {
    const fromBadCode = CardframeError.from({ code: 'PWNED', message: '4111111111111111' });
    expect(fromBadCode.code).toBe('TOKENIZATION_FAILED');
    expect(fromBadCode.message).not.toContain('4111');
    expect(CardframeError.from(new TypeError('boom'), 'FRAME_TIMEOUT').code).toBe('FRAME_TIMEOUT');
  });

  test('an existing CardframeError passes through unchanged', () => {
    const original = new CardframeError('BUSY', 'busy');
    expect(CardframeError.from(original)).toBe(original);
  });
});
