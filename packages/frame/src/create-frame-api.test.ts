import { afterEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CARD_FRAME_METHODS, type CardframeErrorData, type FieldName } from '@cardframe/protocol';
import type { CardframeCardForm, CollectedCard } from '@cardframe/card-form';
import '@cardframe/card-form/define';
import { loadFrameMessages } from '@cardframe/card-form/locales';
import { createFrameApi } from './create-frame-api.ts';
import { loadFonts } from './load-fonts.ts';

/** The frame's locale hooks as the English frame wires them. */
const i18n = { messages: () => loadFrameMessages('en'), setLocale: async (locale: string) => locale };

const year = new Date().getFullYear();
const FUTURE = `12${String((year + 3) % 100).padStart(2, '0')}`;

afterEach(() => document.body.replaceChildren());

async function realForm(): Promise<CardframeCardForm> {
  const form = document.createElement('cardframe-card-form');
  document.body.append(form);
  await form.updateComplete;
  return form;
}

const input = (form: CardframeCardForm, field: FieldName): HTMLInputElement => form.shadowRoot!.querySelector<HTMLInputElement>(`#${field}-input`)!;

async function typeCard(form: CardframeCardForm): Promise<void> {
  await userEvent.type(input(form, 'number'), '4242424242424242');
  await userEvent.type(input(form, 'expiry'), FUTURE);
  await userEvent.type(input(form, 'cvc'), '123');
  await form.updateComplete;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createFrameApi', () => {
  test('is a frozen, prototype-less object with exactly the allowlisted methods', async () => {
    const api = createFrameApi({ ...i18n, form: realForm, tokenize: async () => 'tok' });
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.getPrototypeOf(api)).toBeNull();
    expect(Object.keys(api).sort()).toEqual([...CARD_FRAME_METHODS].sort());
    expect('constructor' in api).toBe(false);
  });

  test('update refuses bad fonts before applying anything, and loads good ones', async () => {
    const form = await realForm();
    const api = createFrameApi({
      ...i18n,
      form: async () => form,
      tokenize: async () => 'tok',
      loadFonts: async (fonts) => loadFonts(document, fonts, () => {}),
    });
    const style = { base: { fontFamily: 'Api Brand, sans-serif' } };
    await expect(api.update({ style, fonts: [{ family: 'Api Brand', src: 'http://fonts.shop.test/brand.woff2' }] })).rejects.toEqual({
      code: 'INVALID_STYLE',
      message: 'fonts[0].src: not https (http only on loopback hosts)',
    });
    await expect(api.update({ style, fonts: ['https://fonts.shop.test/brand.css'] as never })).rejects.toMatchObject({ code: 'INVALID_STYLE' });
    expect(form.cardStyle).toEqual({});
    await api.update({ style, fonts: [{ family: 'Api Brand', src: 'https://fonts.shop.test/brand.woff2' }] });
    expect(form.cardStyle).toEqual(style);
    expect([...document.fonts].some((face) => face.family.replace(/"/g, '') === 'Api Brand')).toBe(true);
  });

  test('updates apply one after another in the order they came: a slow font load never lets an older update land last', async () => {
    const form = await realForm();
    const fontsLoaded = deferred<void>();
    const api = createFrameApi({ ...i18n, form: async () => form, tokenize: async () => 'tok', loadFonts: () => fontsLoaded.promise });
    const first = api.update({ placeholder: { cvc: 'first' }, fonts: [{ family: 'Slow', src: 'https://fonts.shop.test/slow.woff2' }] });
    const second = api.update({ placeholder: { cvc: 'second' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(form.placeholders).toEqual({}); // the second waits behind the first
    fontsLoaded.resolve();
    await Promise.all([first, second]);
    expect(form.placeholders).toEqual({ cvc: 'second' });
  });

  test("the URL's options are applied at once, and a first update that repeats them is answered by that same application", async () => {
    const form = await realForm();
    const applied = vi.fn();
    const value = { placeholder: { cvc: 'CVV' }, showCardholderName: true };
    const api = createFrameApi({
      ...i18n,
      form: async () => form,
      tokenize: async () => 'tok',
      optionsApplied: applied,
      initialOptions: { json: JSON.stringify(value), value },
    });
    await vi.waitFor(() => expect(applied).toHaveBeenCalledTimes(1));
    expect(form.showCardholderName).toBe(true);
    await api.update(structuredClone(value)); // as it arrives over the port
    expect(applied).toHaveBeenCalledTimes(1);
    await api.update(structuredClone(value)); // only the first update can be the repeat
    expect(applied).toHaveBeenCalledTimes(2);
  });

  test('update validates before touching the form and then applies the options', async () => {
    const form = await realForm();
    const api = createFrameApi({ ...i18n, form: async () => form, tokenize: async () => 'tok' });
    await expect(api.update({ style: { base: { color: 'red;background:url(//evil.test)' } } })).rejects.toMatchObject({ code: 'INVALID_STYLE' });
    await expect(api.update({ nope: 1 } as never)).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(form.cardStyle).toEqual({});
    await api.update({ style: { base: { color: '#123456' } }, showCardholderName: true, placeholder: { cvc: 'CVV' }, disabled: true });
    expect(form.cardStyle).toEqual({ base: { color: '#123456' } });
    expect(form.showCardholderName).toBe(true);
    expect(form.placeholders).toEqual({ cvc: 'CVV' });
    expect(form.disabled).toBe(true);
  });

  test('focus checks the field name', async () => {
    const form = await realForm();
    const api = createFrameApi({ ...i18n, form: async () => form, tokenize: async () => 'tok' });
    await expect(api.focus('pan' as FieldName)).rejects.toEqual({ code: 'INVALID_OPTIONS', message: 'Unknown field' });
    await api.focus('cvc');
    expect(form.shadowRoot!.activeElement?.id).toBe('cvc-input');
  });

  test("split fields: a focus() with no field right after the group's refusal moved focus leaves it there; any other focus() focuses", async () => {
    const form = await realForm();
    let moved = true;
    const group = { collect: vi.fn(), clearOthers: vi.fn(), refocusRefusedField: vi.fn(async () => moved) };
    const api = createFrameApi({ ...i18n, form: async () => form, tokenize: async () => 'tok', group });
    await api.focus();
    expect(form.shadowRoot!.activeElement).toBeNull();
    moved = false;
    await api.focus();
    expect(form.shadowRoot!.activeElement?.id).toBe('number-input');
    // A named field is the merchant's explicit choice: the group is not asked.
    moved = true;
    group.refocusRefusedField.mockClear();
    await api.focus('cvc');
    expect(form.shadowRoot!.activeElement?.id).toBe('cvc-input');
    expect(group.refocusRefusedField).not.toHaveBeenCalled();
  });

  test('submit on an incomplete form rejects with the first field error and tokenizes nothing', async () => {
    const form = await realForm();
    const tokenize = vi.fn(async () => 'tok');
    const api = createFrameApi({ ...i18n, form: async () => form, tokenize });
    await expect(api.submit()).rejects.toMatchObject({ code: 'NOT_COMPLETE' });
    expect(tokenize).not.toHaveBeenCalled();
  });

  test('submit tokenizes once: BUSY while in flight, token id only, then SESSION_COMPLETED', async () => {
    const form = await realForm();
    await typeCard(form);
    const pending = deferred<string>();
    const seen: CollectedCard[] = [];
    const api = createFrameApi({
      ...i18n,
      form: async () => form,
      tokenize: (card) => {
        seen.push(card);
        return pending.promise;
      },
    });
    const first = api.submit();
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(form.disabled).toBe(true);
    await expect(api.submit()).rejects.toMatchObject({ code: 'BUSY' });
    pending.resolve('tok_9');
    await expect(first).resolves.toEqual({ tokenId: 'tok_9' });
    expect(seen[0]).toMatchObject({ accountNumber: '4242424242424242', expiryMonth: 12, expiryYear: year + 3, securityCode: '123' });
    expect(form.state.empty).toBe(true); // cleared: no card data left in the frame
    expect(form.disabled).toBe(true);
    await expect(api.submit()).rejects.toMatchObject({ code: 'SESSION_COMPLETED' });
  });

  test('a failed tokenization re-enables the form and never forwards exception text', async () => {
    const form = await realForm();
    await typeCard(form);
    let failure: unknown = new Error('upstream said 4242424242424242');
    const api = createFrameApi({
      ...i18n,
      form: async () => form,
      tokenize: async () => {
        throw failure;
      },
    });
    const rejection = (await api.submit().catch((reason: unknown) => reason)) as CardframeErrorData;
    expect(rejection.code).toBe('TOKENIZATION_FAILED');
    expect(rejection.message).not.toContain('4242');
    expect(Object.keys(rejection).sort()).toEqual(['code', 'message']);
    expect(form.disabled).toBe(false);
    failure = { code: 'SESSION_EXPIRED', message: 'expired upstream' };
    // The frame words its own errors from the shopper's catalog, whatever text came with them.
    await expect(api.submit()).rejects.toEqual({ code: 'SESSION_EXPIRED', message: (await loadFrameMessages('en')).sessionExpired });
  });

  test('when the session could not be used, every call rejects with that error', async () => {
    const error: CardframeErrorData = { code: 'SESSION_NOT_FOUND', message: 'This payment session was not found.' };
    const failed = Promise.reject(error);
    failed.catch(() => {});
    const api = createFrameApi({ ...i18n, form: () => failed, tokenize: async () => 'tok' });
    await expect(api.update({})).rejects.toEqual(error);
    await expect(api.clear()).rejects.toEqual(error);
    await expect(api.submit()).rejects.toEqual(error);
  });
});
