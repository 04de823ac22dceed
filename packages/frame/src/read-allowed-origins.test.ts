import { describe, expect, test } from 'vitest';
import { readAllowedOrigins } from './read-allowed-origins.ts';

function documentWith(content: string | null): Document {
  const doc = document.implementation.createHTMLDocument('frame');
  if (content !== null) {
    const meta = doc.createElement('meta');
    meta.name = 'cardframe-allowed-origins';
    meta.content = content;
    doc.head.append(meta);
  }
  return doc;
}

describe('readAllowedOrigins', () => {
  test('reads the exact origins the vault wrote, space separated', () => {
    expect([...readAllowedOrigins(documentWith(' https://shop.test  http://localhost:5173\nhttps://b.example:8443 '))]).toEqual([
      'https://shop.test',
      'http://localhost:5173',
      'https://b.example:8443',
    ]);
  });

  test('drops anything that is not exactly an http(s) origin', () => {
    const origins = readAllowedOrigins(
      documentWith('* null https://shop.test/ https://shop.test/path https://*.shop.test ftp://x.test javascript:alert(1) https://ok.test'),
    );
    expect([...origins]).toEqual(['https://ok.test']);
  });

  test('no tag or an empty tag allows nothing', () => {
    expect(readAllowedOrigins(documentWith(null)).size).toBe(0);
    expect(readAllowedOrigins(documentWith('')).size).toBe(0);
  });
});
