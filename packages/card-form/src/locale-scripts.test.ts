/// <reference types="@vitest/browser-playwright" />
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { FieldName } from '@cardframe/protocol';
import type { CardframeCardForm } from './card-form.ts';
import { loadCatalog } from './locales/load-catalog.ts';
import './define.ts';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});
async function mount(locale: string, props: Partial<CardframeCardForm> = {}): Promise<CardframeCardForm> {
  const el = document.createElement('cardframe-card-form');
  Object.assign(el, { locale, ...props });
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}
const $ = (el: CardframeCardForm, selector: string): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const input = (el: CardframeCardForm, field: FieldName): HTMLInputElement => $(el, `#${field}-input`) as HTMLInputElement;

/**
 * One locale per script: what the shopper reads (labels, placeholder, a shown error, the brand
 * icon's name) and what a screen reader hears (the live region), in that script.
 */
const SCRIPTS = [
  { script: 'Latin', locale: 'de', label: 'Kartennummer', expiry: 'MM / JJ', error: 'Ihre Kartennummer ist unvollständig.', card: 'Karte', dir: 'ltr' },
  { script: 'Cyrillic', locale: 'ru', label: 'Номер карты', expiry: 'ММ / ГГ', error: 'Номер карты введён не полностью.', card: 'Карта', dir: 'ltr' },
  { script: 'Greek', locale: 'el', label: 'Αριθμός κάρτας', expiry: 'ΜΜ / ΕΕ', error: 'Ο αριθμός της κάρτας σας είναι ελλιπής.', card: 'Κάρτα', dir: 'ltr' },
  { script: 'Arabic', locale: 'ar', label: 'رقم البطاقة', expiry: 'شهر / سنة', error: 'رقم البطاقة غير مكتمل.', card: 'بطاقة', dir: 'rtl' },
  { script: 'Hebrew', locale: 'he', label: 'מספר כרטיס', expiry: 'חח / שש', error: 'מספר הכרטיס חלקי.', card: 'כרטיס', dir: 'rtl' },
  { script: 'CJK', locale: 'ja', label: 'カード番号', expiry: 'MM / YY', error: 'カード番号が不完全です。', card: 'カード', dir: 'ltr' },
  { script: 'CJK (Hant)', locale: 'zh-Hant', label: '卡號', expiry: 'MM / YY', error: '卡號不完整。', card: '卡片', dir: 'ltr' },
  { script: 'Thai', locale: 'th', label: 'หมายเลขบัตร', expiry: 'ดด / ปป', error: 'หมายเลขบัตรไม่ครบถ้วน', card: 'บัตร', dir: 'ltr' },
] as const;

describe('<cardframe-card-form> in every script', () => {
  it.each(SCRIPTS)('$script ($locale) renders its labels, placeholders, errors and announcements', async (c) => {
    await loadCatalog(c.locale);
    const el = await mount(c.locale);
    expect($(el, 'form').getAttribute('dir')).toBe(c.dir);
    expect($(el, 'label[for="number-input"]').textContent).toBe(c.label);
    expect(input(el, 'expiry').placeholder).toBe(c.expiry);
    expect($(el, '.brand').getAttribute('aria-label')).toBe(c.card);
    await userEvent.type(input(el, 'number'), '4242');
    input(el, 'number').blur();
    await el.updateComplete;
    expect($(el, '#number-error').textContent).toBe(c.error);
    expect($(el, '[aria-live]').textContent).toBe(c.error);
    expect(el.state.error?.message).toBe(c.error);
  });
});

describe('<cardframe-card-form> right to left', () => {
  it('mirrors the layout for Arabic while card digits stay left to right', async () => {
    await loadCatalog('ar');
    const el = await mount('ar');
    const number = input(el, 'number');
    await userEvent.type(number, '4242424242424242');
    await el.updateComplete;
    for (const field of ['number', 'expiry', 'cvc'] as const) {
      expect(input(el, field).dir).toBe('ltr');
      expect(getComputedStyle(input(el, field)).direction).toBe('ltr');
      expect(getComputedStyle(input(el, field)).textAlign).toBe('right');
    }
    expect(number.value).toBe('4242 4242 4242 4242');
    // The expiry cell sits to the right of the CVC cell, and the brand icon at the number's left.
    expect($(el, '.cell.expiry').getBoundingClientRect().left).toBeGreaterThan($(el, '.cell.cvc').getBoundingClientRect().left);
    expect($(el, '.brand').getBoundingClientRect().left).toBeLessThan(number.getBoundingClientRect().left + 60);
    expect(getComputedStyle($(el, 'label[for="number-input"]')).direction).toBe('rtl');
  });

  it('accepts Arabic-Indic and full-width digits as typed on native keyboards', async () => {
    await loadCatalog('ar');
    const el = await mount('ar');
    await userEvent.type(input(el, 'number'), '٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢');
    await userEvent.type(input(el, 'expiry'), '１２／３０');
    await userEvent.type(input(el, 'cvc'), '۱۲۳');
    await el.updateComplete;
    expect(input(el, 'number').value).toBe('4242 4242 4242 4242');
    expect(input(el, 'expiry').value).toBe('12 / 30');
    expect(input(el, 'cvc').value).toBe('123');
    expect(el.state.complete).toBe(true);
  });
});

describe('<cardframe-card-form> locale resolution', () => {
  it('shows English until the locale is loaded, then that locale once it is', async () => {
    const el = await mount('pt-BR');
    expect($(el, 'label[for="number-input"]').textContent).toBe('Card number');
    await loadCatalog('pt-BR');
    el.requestUpdate();
    await el.updateComplete;
    expect($(el, 'label[for="number-input"]').textContent).toBe('Número do cartão');
    expect(input(el, 'cvc').placeholder).toBe('CVV');
  });

  it('falls back along the chain: fr-BE → fr, es-MX → es-419', async () => {
    await Promise.all([loadCatalog('fr'), loadCatalog('es-419')]);
    expect($(await mount('fr-BE'), 'label[for="expiry-input"]').textContent).toBe('Date d’expiration');
    expect($(await mount('es-MX'), 'label[for="expiry-input"]').textContent).toBe('Fecha de vencimiento');
  });

  it('names brands the way the locale writes them', async () => {
    await loadCatalog('zh-Hans');
    const el = await mount('zh-Hans');
    await userEvent.type(input(el, 'number'), '6200');
    await el.updateComplete;
    expect($(el, '.brand').getAttribute('aria-label')).toBe('银联');
  });
});
