import { afterEach, describe, expect, test } from 'vitest';
import type { CardframeErrorData } from '@cardframe/protocol';
import '@cardframe/card-form/define';
// Open Sans (Apache 2.0), the e2e suite's brand-font fixture, served by Vitest from the loopback origin.
import fontPath from '../../../e2e/fixtures/fonts/open-sans-regular.woff2?url';
import { loadFonts } from './load-fonts.ts';

const fontUrl = new URL(fontPath, location.href).href;
const faces = (family: string) => [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family);

afterEach(() => {
  document.body.replaceChildren();
});

describe('loadFonts', () => {
  test("adds the merchant's font to the document, where the card form's fields and labels use it", async () => {
    const reports: CardframeErrorData[] = [];
    loadFonts(document, [{ family: 'Frame Brand', src: fontUrl, weight: '400' }], (error) => reports.push(error));
    const [face] = faces('Frame Brand');
    expect(face).toMatchObject({ weight: '400', style: 'normal', display: 'swap' });
    await face!.loaded;
    expect(document.fonts.check('16px "Frame Brand"')).toBe(true);

    const form = document.createElement('cardframe-card-form');
    form.cardStyle = { base: { fontFamily: '"Frame Brand", monospace' } };
    document.body.append(form);
    await form.updateComplete;
    const input = form.shadowRoot!.querySelector('#number-input')!;
    const label = form.shadowRoot!.querySelector('label')!;
    expect(getComputedStyle(input).fontFamily).toContain('Frame Brand');
    expect(getComputedStyle(label).fontFamily).toContain('Frame Brand');
    // Drawn in it: the fixture's glyphs are wider than the monospace fallback's for this text.
    const width = (family: string) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `16px ${family}`;
      return context.measureText('iiiiiiiiii').width;
    };
    expect(width('"Frame Brand", monospace')).not.toBe(width('monospace'));
    expect(reports).toEqual([]);
  });

  test('loads a repeated font once (every update() resends the fonts)', () => {
    const fonts = [{ family: 'Frame Twice', src: fontUrl }];
    loadFonts(document, fonts, () => {});
    loadFonts(document, fonts, () => {});
    expect(faces('Frame Twice')).toHaveLength(1);
  });

  test('reports a font that does not load as FONT_LOAD_FAILED, and does not throw', async () => {
    const reports: CardframeErrorData[] = [];
    const missing = new URL('/absent-font.woff2', location.href).href;
    const reported = new Promise<void>((resolve) =>
      loadFonts(document, [{ family: 'Frame Missing', src: missing }], (error) => {
        reports.push(error);
        resolve();
      }),
    );
    await reported;
    expect(reports).toEqual([{ code: 'FONT_LOAD_FAILED', message: expect.stringContaining(`"Frame Missing" (${missing})`) }]);
    expect(reports[0]!.message).toContain('CARDFRAME_FONT_ORIGINS');
  });

  test('throws INVALID_STYLE for a refused entry and loads none of the list', () => {
    const before = document.fonts.size;
    expect(() =>
      loadFonts(
        document,
        [
          { family: 'Frame Good', src: fontUrl },
          { family: 'Frame Bad', src: `${fontUrl}")` },
        ],
        () => {},
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_STYLE', message: expect.stringContaining('fonts[1].src') }));
    expect(document.fonts.size).toBe(before);
  });
});
