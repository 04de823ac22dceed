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

  it('focus that lands leaves nothing pending', async () => {
    const el = await mount();
    const add = vi.spyOn(document, 'addEventListener');
    el.focusField('expiry');
    expect(el.shadowRoot!.activeElement).toBe(input(el, 'expiry'));
    expect(add).not.toHaveBeenCalledWith('keydown', expect.anything(), true);
  });
});
