import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { FieldName } from '@cardframe/protocol';
import type { CardframeCardForm } from './card-form.ts';
import './define.ts';

const mounted: HTMLElement[] = [];

async function mount(): Promise<CardframeCardForm> {
  const el = document.createElement('cardframe-card-form');
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  vi.restoreAllMocks();
});

const input = (el: CardframeCardForm, field: FieldName) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${field}-input`)!;

/**
 * WebKit ignores input.focus() in a cross-origin frame the shopper has not touched (focus stays on
 * the frame's body). Simulated here by refusing the scripted focus() once: the field must take
 * focus on the first key press instead, so the key lands in it.
 */
describe('<cardframe-card-form> focus that the engine refused', () => {
  it('moves to the requested field on the first key press, and the key lands there', async () => {
    const el = await mount();
    (document.activeElement as HTMLElement | null)?.blur();
    vi.spyOn(input(el, 'cvc'), 'focus').mockImplementationOnce(() => {});
    el.focusField('cvc');
    expect(el.shadowRoot!.activeElement).toBeNull(); // as in WebKit: the body has focus
    await userEvent.keyboard('7');
    expect(el.shadowRoot!.activeElement).toBe(input(el, 'cvc'));
    expect(input(el, 'cvc').value).toBe('7');
  });

  it('a refused submit focuses the first invalid field on the first key', async () => {
    const el = await mount();
    (document.activeElement as HTMLElement | null)?.blur();
    vi.spyOn(input(el, 'number'), 'focus').mockImplementationOnce(() => {});
    expect(el.collect()).toMatchObject({ ok: false });
    expect(el.shadowRoot!.activeElement).toBeNull();
    await userEvent.keyboard('4');
    expect(el.shadowRoot!.activeElement).toBe(input(el, 'number'));
    expect(input(el, 'number').value).toBe('4');
  });

  it('never takes focus from a field the shopper chose meanwhile', async () => {
    const el = await mount();
    vi.spyOn(input(el, 'cvc'), 'focus').mockImplementationOnce(() => {});
    el.focusField('cvc');
    input(el, 'expiry').focus(); // the shopper clicked the expiry field
    await userEvent.keyboard('1');
    expect(el.shadowRoot!.activeElement).toBe(input(el, 'expiry'));
    expect(input(el, 'cvc').value).toBe('');
  });

  it('focus undone by the frame window refocusing (Chromium, page focus arriving late) is put back', async () => {
    const el = await mount();
    el.focusField('expiry');
    expect(el.shadowRoot!.activeElement).toBe(input(el, 'expiry'));
    // What Chromium does when the page's iframe.focus() lands after the field took focus.
    input(el, 'expiry').blur();
    window.dispatchEvent(new FocusEvent('focus'));
    expect(el.shadowRoot!.activeElement).toBe(input(el, 'expiry'));
  });

  it('the shopper’s first key or pointer press ends the hold: later window focus moves nothing', async () => {
    for (const press of [() => userEvent.keyboard('1'), async () => void document.dispatchEvent(new PointerEvent('pointerdown'))]) {
      const el = await mount();
      el.focusField('expiry');
      await press();
      input(el, 'expiry').blur();
      window.dispatchEvent(new FocusEvent('focus'));
      expect(el.shadowRoot!.activeElement).toBeNull();
      el.remove();
    }
  });

  it('a removed form leaves no listener behind', async () => {
    const el = await mount();
    const remove = vi.spyOn(document, 'removeEventListener');
    el.focusField('expiry');
    el.remove();
    expect(remove).toHaveBeenCalledWith('keydown', expect.anything(), true);
    expect(remove).toHaveBeenCalledWith('pointerdown', expect.anything(), true);
  });
});
