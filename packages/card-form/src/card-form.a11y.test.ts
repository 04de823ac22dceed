/// <reference types="@vitest/browser-playwright" />
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { CardStyle, FieldName } from '@cardframe/protocol';
import { axeViolations } from './axe-violations.ts';
import type { CardframeCardForm } from './card-form.ts';
import { loadCatalog } from './locales/load-catalog.ts';
import './define.ts';

const year = new Date().getFullYear();
const yy = (offset: number): string => String((year + offset) % 100).padStart(2, '0');
const mounted: HTMLElement[] = [];

async function mount(props: Partial<CardframeCardForm> = {}): Promise<CardframeCardForm> {
  const el = document.createElement('cardframe-card-form');
  Object.assign(el, props);
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}
const input = (el: CardframeCardForm, field: FieldName): HTMLInputElement => el.shadowRoot!.querySelector<HTMLInputElement>(`#${field}-input`)!;
async function typeInto(el: CardframeCardForm, field: FieldName, text: string, leave = true): Promise<void> {
  await userEvent.type(input(el, field), text);
  if (leave) input(el, field).blur();
  await el.updateComplete;
}

/** A dark merchant theme, as a merchant would pass it through `style`. */
const DARK: CardStyle = {
  base: {
    color: '#f3f4f6',
    backgroundColor: '#111827',
    borderColor: '#4b5563',
    fontFamily: 'Georgia, serif',
    outlineColor: '#fbbf24',
    '::placeholder': { color: '#a3aab6' },
  },
  invalid: { color: '#fca5a5' },
};

// Colour transitions are measured mid-fade otherwise; the shopper setting is honoured anyway.
beforeAll(async () => {
  await commands.emulateMedia({ reducedMotion: 'reduce' });
});
afterAll(async () => {
  await commands.emulateMedia({ reducedMotion: null, forcedColors: null });
});
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/** Every state the issue lists, each built the way a shopper gets there. */
const STATES: [string, () => Promise<CardframeCardForm>][] = [
  ['empty', () => mount()],
  ['empty with the name field', () => mount({ showCardholderName: true })],
  [
    'focused',
    async () => {
      const el = await mount();
      input(el, 'number').focus();
      return el;
    },
  ],
  [
    'filled',
    async () => {
      const el = await mount({ showCardholderName: true });
      await typeInto(el, 'number', '4242424242424242', false);
      await userEvent.keyboard(`12${yy(3)}123`);
      await typeInto(el, 'name', 'Ada Lovelace');
      return el;
    },
  ],
  [
    'number incomplete',
    async () => {
      const el = await mount();
      await typeInto(el, 'number', '4242');
      return el;
    },
  ],
  [
    'number fails Luhn',
    async () => {
      const el = await mount();
      await typeInto(el, 'number', '4242424242424241', false);
      return el;
    },
  ],
  [
    'brand not accepted',
    async () => {
      const el = await mount({ allowedSchemes: ['visa'] });
      await typeInto(el, 'number', '5555', false);
      return el;
    },
  ],
  [
    'expiry incomplete',
    async () => {
      const el = await mount();
      await typeInto(el, 'expiry', '1');
      return el;
    },
  ],
  [
    'expiry invalid',
    async () => {
      const el = await mount();
      await typeInto(el, 'expiry', '13', false);
      return el;
    },
  ],
  [
    'expiry in the past',
    async () => {
      const el = await mount();
      await typeInto(el, 'expiry', `01${yy(-1)}`, false);
      return el;
    },
  ],
  [
    'security code incomplete',
    async () => {
      const el = await mount();
      await typeInto(el, 'cvc', '1');
      return el;
    },
  ],
  [
    'name missing, every error shown by collect()',
    async () => {
      const el = await mount({ showCardholderName: true });
      el.collect();
      await el.updateComplete;
      return el;
    },
  ],
  ['dark merchant style, empty', () => mount({ cardStyle: DARK, showCardholderName: true })],
  [
    'dark merchant style, every error',
    async () => {
      const el = await mount({ cardStyle: DARK, showCardholderName: true });
      el.collect();
      await el.updateComplete;
      return el;
    },
  ],
  [
    'RTL (ar), every error',
    async () => {
      await loadCatalog('ar');
      const el = await mount({ locale: 'ar', showCardholderName: true });
      el.collect();
      await el.updateComplete;
      return el;
    },
  ],
  [
    'RTL (he), filled',
    async () => {
      await loadCatalog('he');
      const el = await mount({ locale: 'he' });
      await typeInto(el, 'number', '4242424242424242', false);
      await userEvent.keyboard(`12${yy(3)}123`);
      await el.updateComplete;
      return el;
    },
  ],
  [
    'CVC mode with a saved card',
    () => mount({ mode: 'cvc', savedCard: { scheme: 'visa', maskedAccountNumber: '424242******4242', expiryMonth: 12, expiryYear: year + 2 } }),
  ],
  ['disabled', () => mount({ disabled: true })],
];

describe('<cardframe-card-form> axe-core, WCAG 2.2 A and AA', () => {
  it('sees into shadow roots: an unlabelled input and low-contrast text there are violations', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    mounted.push(host);
    const root = host.attachShadow({ mode: 'open' });
    const field = document.createElement('input');
    const faint = document.createElement('p');
    faint.textContent = 'Faint text';
    faint.style.color = '#aaaaaa';
    root.append(field, faint);
    const found = (await axeViolations(host)).join('\n');
    expect(found).toMatch(/^label /m);
    expect(found).toMatch(/^color-contrast /m);
  });

  it.each(STATES)('%s: 0 violations', async (_state, build) => {
    const el = await build();
    expect(await axeViolations(el)).toEqual([]);
  });
});

describe('<cardframe-card-form> errors and announcements', () => {
  it('puts each error under its own field, tied to its input by aria-describedby', async () => {
    const el = await mount({ showCardholderName: true });
    el.collect();
    await el.updateComplete;
    for (const field of ['number', 'expiry', 'cvc', 'name'] as const) {
      const cell = el.shadowRoot!.querySelector(`.cell.${field}`)!;
      const error = cell.querySelector<HTMLElement>('.error')!;
      expect(input(el, field).getAttribute('aria-describedby')).toBe(error.id);
      expect(error.hidden).toBe(false);
      // Below its own input, inside the form's surface.
      expect(error.getBoundingClientRect().top).toBeGreaterThanOrEqual(input(el, field).getBoundingClientRect().bottom - 1);
    }
  });

  it('announces once per change: a new error once, the same state again not at all', async () => {
    const el = await mount();
    const region = el.shadowRoot!.querySelector('[aria-live]')!;
    const announced: string[] = [];
    new MutationObserver(() => announced.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    await typeInto(el, 'number', '4242424242424241', false);
    await typeInto(el, 'expiry', '1', false);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(announced.filter((text) => text.trim() !== '')).toEqual(['Your card number is invalid.']);
  });
});

describe('<cardframe-card-form> forced colours (Windows High Contrast)', () => {
  afterEach(async () => {
    await commands.emulateMedia({ forcedColors: null });
  });

  it('draws a real outline around the focused field and a dashed one around an invalid field', async () => {
    await commands.emulateMedia({ forcedColors: 'active' });
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    const el = await mount();
    await typeInto(el, 'number', '4242');
    input(el, 'expiry').focus();
    await el.updateComplete;
    const focusedCell = getComputedStyle(el.shadowRoot!.querySelector('.cell.expiry')!);
    expect(focusedCell.outlineStyle).toBe('solid');
    expect(parseFloat(focusedCell.outlineWidth)).toBeGreaterThanOrEqual(2);
    const invalidCell = getComputedStyle(el.shadowRoot!.querySelector('.cell.number')!);
    expect(invalidCell.outlineStyle).toBe('dashed');
    // The error keeps its warning sign, a cue that is not colour.
    expect(getComputedStyle(el.shadowRoot!.querySelector('#number-error')!, '::before').content).toContain('⚠');
  });

  it('shows no outline without forced colours (the box-shadow ring is the indicator)', async () => {
    const el = await mount();
    input(el, 'number').focus();
    const cell = getComputedStyle(el.shadowRoot!.querySelector('.cell.number')!);
    expect(cell.outlineStyle).toBe('none');
    expect(cell.boxShadow).toContain('inset');
  });
});
