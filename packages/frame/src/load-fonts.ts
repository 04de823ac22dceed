import { parseFontSources, type CardframeErrorData } from '@cardframe/protocol';

/** Faces already added to a document, by family, URL and descriptors: a repeated update() loads nothing twice. */
const added = new WeakMap<Document, Set<string>>();

/**
 * Checks the merchant's `fonts` and starts loading them into the frame's document, where the card
 * form's shadow root finds them by family. Its own chunk, imported only when a merchant passes
 * fonts, so every other checkout loads none of these bytes.
 *
 * Throws INVALID_STYLE, before anything loads, for a refused entry. A font that then fails (the
 * frame's CSP `font-src` blocked its origin, or the file itself failed) is reported, never thrown:
 * the form keeps the next family in `fontFamily` and the shopper can still pay.
 */
export function loadFonts(doc: Document, input: unknown, report: (error: CardframeErrorData) => void): void {
  const parsed = parseFontSources(input);
  if (!parsed.ok) throw parsed.error;
  const seen = added.get(doc) ?? new Set<string>();
  added.set(doc, seen);
  for (const { family, src, weight = 'normal', style = 'normal', display = 'swap' } of parsed.value) {
    // The frame writes the only CSS here, around a checked URL (no quote, parenthesis or backslash can be in
    // it): a merchant never supplies `src` descriptor text, so no second url(), local() or format() sneaks in.
    const url = new URL(src, doc.location.origin).href;
    const key = [family, url, weight, style].join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const face = new FontFace(family, `url("${url}")`, { weight, style, display });
    doc.fonts.add(face);
    face.load().catch(() =>
      report({
        code: 'FONT_LOAD_FAILED',
        message: `Font "${family}" (${url}) did not load: its origin is not in the vault's CARDFRAME_FONT_ORIGINS (the frame's font-src blocked it), or the file failed (CORS, 404, not a font)`,
      }),
    );
  }
}
