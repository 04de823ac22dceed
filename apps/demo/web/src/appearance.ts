import type { CardStyle } from '@cardframe/sdk';

export type Appearance = 'light' | 'dark';

const fontFamily = 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * The card frame's look for each appearance, in the SDK's allowlisted style vocabulary
 * (colours, fonts, spacing; never `url(`). The frame draws its own fields; this keeps its
 * text and surfaces in tune with the shop's theme.
 */
export const FRAME_STYLES: Readonly<Record<Appearance, CardStyle>> = {
  light: {
    base: {
      color: '#1b1f24',
      backgroundColor: '#ffffff',
      caretColor: '#1f6f5c',
      fontFamily,
      fontSize: '16px',
      '::placeholder': { color: '#8a929c' },
    },
    invalid: { color: '#b42318' },
    complete: { color: '#1b1f24' },
  },
  dark: {
    base: {
      color: '#e8eaee',
      backgroundColor: '#1c2027',
      // The frame's field group has its own light surface and the style allowlist reaches only
      // the inputs, so a dark input paints a shadow over its cell's padding (label text still
      // draws on top). The two layers cover the cell's 24px above, 12px beside and 6px below.
      boxShadow: '0 -12px 0 12px #1c2027, 0 -6px 0 12px #1c2027',
      caretColor: '#5fd0b0',
      fontFamily,
      fontSize: '16px',
      '::placeholder': { color: '#7d8593' },
      // The frame's focus ring sits under that shadow, so focus shows as a lighter cell.
      ':focus': { backgroundColor: '#29313c', boxShadow: '0 -12px 0 12px #29313c, 0 -6px 0 12px #29313c' },
    },
    invalid: { color: '#ff8a80' },
    complete: { color: '#e8eaee' },
  },
};

const STORAGE_KEY = 'kestrel-appearance';

/** The shopper's last choice, else the system preference. Only this word is stored, nothing else. */
export function initialAppearance(): Appearance {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyAppearance(appearance: Appearance): void {
  document.documentElement.dataset.theme = appearance;
  localStorage.setItem(STORAGE_KEY, appearance);
}
