/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import readme from '../README.md?raw';
import { CARDFRAME_ERROR_CODES } from './index.ts';

describe('the error-code reference', () => {
  it('documents exactly the codes the package exports, once each', () => {
    const table = readme.slice(readme.indexOf('<!-- error-codes:start -->'), readme.indexOf('<!-- error-codes:end -->'));
    const documented = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...CARDFRAME_ERROR_CODES]);
  });
});
