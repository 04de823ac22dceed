import { describe, expect, it } from 'vitest';
import { helpText, parseCliArgs } from './cli-args.ts';

describe('parseCliArgs', () => {
  it('serves with no arguments and only prints for --help / --version', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'serve' });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it('refuses anything else instead of starting a server', () => {
    expect(parseCliArgs(['--port=9000'])).toEqual({ kind: 'error', message: 'expected no argument, --help or --version, got "--port=9000"' });
    expect(parseCliArgs(['--help', '--version'])).toMatchObject({ kind: 'error' });
  });

  it('names the version and the environment variables in --help', () => {
    const text = helpText('1.2.3');
    expect(text).toContain('cardframe-vault 1.2.3');
    for (const name of ['PORT', 'CARDFRAME_PUBLIC_URL', 'CARDFRAME_ALLOWED_ORIGINS', 'DATABASE_URL', 'CARDFRAME_MASTER_KEY']) {
      expect(text).toContain(name);
    }
  });
});
