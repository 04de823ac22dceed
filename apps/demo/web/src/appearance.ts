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
      borderColor: '#d0d5dd',
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
      // The base surface styles the frame's whole field group, so the form is dark everywhere.
      backgroundColor: '#1c2027',
      borderColor: '#3a414c',
      caretColor: '#5fd0b0',
      fontFamily,
      fontSize: '16px',
      '::placeholder': { color: '#8b93a1' },
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
