import { afterEach, describe, expect, it } from 'vitest';
import { FORM_HEIGHT_TWO_ROWS, FORM_HEIGHT_WITH_NAME } from '@cardframe/protocol';
import type { CardframeCardForm } from './card-form.ts';
import './define.ts';

const year = new Date().getFullYear();
const mounted: HTMLElement[] = [];

async function mount(props: Partial<CardframeCardForm>, width: number): Promise<CardframeCardForm> {
  const el = document.createElement('cardframe-card-form');
  Object.assign(el, props);
  el.style.width = `${width}px`;
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/**
 * The SDK sizes the iframe to FORM_HEIGHT_* before the frame loads (CLS 0 at mount). These hold
 * the untouched form to those numbers, in every layout and at narrow and wide widths, so a theme
 * change that moves the height fails here instead of shifting merchants' pages.
 */
describe('<cardframe-card-form> height before input', () => {
  const saved = { scheme: 'visa' as const, maskedAccountNumber: '424242******4242', expiryMonth: 12, expiryYear: year + 2 };
  it.each([
    ['card', { mode: 'card' as const }, FORM_HEIGHT_TWO_ROWS],
    ['card with the name row', { mode: 'card' as const, showCardholderName: true }, FORM_HEIGHT_WITH_NAME],
    ['cvc of a saved card', { mode: 'cvc' as const, savedCard: saved }, FORM_HEIGHT_TWO_ROWS],
    ['cvc of a saved Amex', { mode: 'cvc' as const, savedCard: { ...saved, scheme: 'american express' as const } }, FORM_HEIGHT_TWO_ROWS],
  ])('%s is exactly the height the SDK reserves', async (_name, props, expected) => {
    // From 261 px up (narrower, the container query stacks expiry and CVC: one more row).
    for (const width of [261, 447, 900]) {
      const el = await mount(props, width);
      expect(el.getBoundingClientRect().height, `at ${width}px`).toBe(expected);
      el.remove();
    }
  });
});
