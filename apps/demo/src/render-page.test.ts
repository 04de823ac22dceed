import { describe, expect, it } from 'vitest';
import { PAGE_PLACEHOLDERS, renderPage } from './render-page.ts';

const page = `<script src="${PAGE_PLACEHOLDERS.vaultUrl}/sdk/v1/cardframe.js" integrity="${PAGE_PLACEHOLDERS.sdkIntegrity}"></script>`;

describe('renderPage', () => {
  it('fills the vault URL and integrity into the script tag', () => {
    const html = renderPage(page, { vaultUrl: 'http://localhost:8080', sdkIntegrity: 'sha384-abc' }, ['vaultUrl', 'sdkIntegrity']);
    expect(html).toBe('<script src="http://localhost:8080/sdk/v1/cardframe.js" integrity="sha384-abc"></script>');
  });

  it("fills the Hellgate-shaped script's integrity where a page asks for it", () => {
    const hellgatePage = `<script src="${PAGE_PLACEHOLDERS.vaultUrl}/hellgate/v1/hellgate.js" integrity="${PAGE_PLACEHOLDERS.hellgateIntegrity}"></script>`;
    const values = { vaultUrl: 'http://v', sdkIntegrity: 'sha384-a', hellgateIntegrity: 'sha384-h' };
    expect(renderPage(hellgatePage, values, ['hellgateIntegrity'])).toBe('<script src="http://v/hellgate/v1/hellgate.js" integrity="sha384-h"></script>');
  });

  it('escapes values so configuration cannot inject markup', () => {
    const html = renderPage(page, { vaultUrl: 'http://x"><script>alert(1)</script>', sdkIntegrity: 'sha384-a' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });

  it('refuses a page that lacks a required placeholder', () => {
    expect(() => renderPage('<p>no tag</p>', { vaultUrl: 'http://v', sdkIntegrity: 'sha384-a' }, ['sdkIntegrity'])).toThrow(/__CARDFRAME_SDK_INTEGRITY__/);
  });
});
