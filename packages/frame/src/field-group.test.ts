import { afterEach, describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fieldGroupChannel, type FieldGroupMessage, type FieldName, type FrameEvent } from '@cardframe/protocol';
import type { CardframeCardForm } from '@cardframe/card-form';
import '@cardframe/card-form/define';
import { joinFieldGroup, REFUSAL_FOCUS_WINDOW_MS, type FieldGroup } from './field-group.ts';
import { bindFieldForm } from './start-field-group.ts';

const SESSION = '0b6f3c52-6a43-4e4f-9d8e-2f1c3f0a9b11';
const year = new Date().getFullYear();
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.replaceChildren();
});

/**
 * One split field as its frame runs it: a real field-mode card form, a real BroadcastChannel on
 * the group's vault-origin name, the real group logic. The "frames" share this test document, so
 * they talk exactly as same-origin frames do: BroadcastChannel never delivers to its own sender
 * object, only to the other members.
 */
async function member(field: FieldName, group: string, at: number) {
  const form = document.createElement('cardframe-card-form') as CardframeCardForm;
  form.field = field;
  document.body.append(form);
  await form.updateComplete;
  const channel = new BroadcastChannel(fieldGroupChannel(SESSION, group));
  const onRefused = vi.fn();
  const fieldGroup: FieldGroup = joinFieldGroup({ channel, field, id: `${field}-${at}`, at, form: async () => form, onRefused });
  bindFieldForm(form, fieldGroup);
  cleanups.push(() => fieldGroup.leave());
  const input = form.shadowRoot!.querySelector<HTMLInputElement>(`#${field}-input`)!;
  return { form, group: fieldGroup, onRefused, input, channel };
}

/** Everything said on the group's channel, as another same-origin listener would hear it. */
function eavesdrop(group: string): FieldGroupMessage[] {
  const heard: FieldGroupMessage[] = [];
  const channel = new BroadcastChannel(fieldGroupChannel(SESSION, group));
  channel.onmessage = ({ data }) => heard.push(data as FieldGroupMessage);
  cleanups.push(() => channel.close());
  return heard;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function fourFields(group: string) {
  const number = await member('number', group, 1);
  const expiry = await member('expiry', group, 2);
  const cvc = await member('cvc', group, 3);
  const name = await member('name', group, 4);
  await settle();
  return { number, expiry, cvc, name };
}

describe('split fields: one card from four frames', () => {
  test('a submit in any field assembles the whole card from every field, then empties them all', async () => {
    const { number, expiry, cvc, name } = await fourFields('group-assemble-0001');
    await userEvent.type(number.input, '4242424242424242');
    await userEvent.type(expiry.input, `12${String((year + 3) % 100).padStart(2, '0')}`);
    await userEvent.type(cvc.input, '123');
    await userEvent.type(name.input, ' Ada Lovelace ');

    const result = await cvc.group.collect();
    expect(result).toEqual({
      ok: true,
      card: { accountNumber: '4242424242424242', expiryMonth: 12, expiryYear: year + 3, securityCode: '123', cardholderName: 'Ada Lovelace' },
    });
    number.group.clearOthers();
    await settle();
    for (const { input } of [expiry, cvc, name]) expect(input.value).toBe('');
  });

  test('moves focus to the next field on completion and back on Backspace in an empty field', async () => {
    const { number, expiry, cvc } = await fourFields('group-focus-00001');
    await userEvent.type(number.input, '4242424242424242');
    await vi.waitFor(() => expect(document.activeElement).toBe(expiry.form));
    await userEvent.type(expiry.input, `12${String((year + 3) % 100).padStart(2, '0')}`);
    await vi.waitFor(() => expect(document.activeElement).toBe(cvc.form));
    await userEvent.keyboard('{Backspace}');
    await vi.waitFor(() => expect(document.activeElement).toBe(expiry.form));
  });

  test('the number field’s brand sets the CVC length and placeholder in the CVC field', async () => {
    const { number, cvc } = await fourFields('group-brand-00001');
    expect(cvc.input.placeholder).toBe('CVC');
    await userEvent.type(number.input, '378282246310005');
    await vi.waitFor(() => expect(cvc.form.groupBrand).toBe('american express'));
    await cvc.form.updateComplete;
    expect(cvc.input.placeholder).toBe('CID');
    await userEvent.type(cvc.input, '12345');
    expect(cvc.input.value).toBe('1234');
    expect(cvc.form.state.fields.cvc?.complete).toBe(true);

    await userEvent.clear(number.input);
    await userEvent.type(number.input, '4242424242424242');
    await vi.waitFor(() => expect(cvc.form.groupBrand).toBe('visa'));
    expect(cvc.form.state.fields.cvc?.complete).toBe(false);
  });

  test('a failed submit shows each field’s error and focuses the first failing field, across frames', async () => {
    const { number, expiry, cvc } = await fourFields('group-errors-0001');
    await userEvent.type(number.input, '4242424242424242');
    await userEvent.type(cvc.input, '123');
    cvc.input.blur();
    await expect(cvc.group.collect()).rejects.toMatchObject({ code: 'NOT_COMPLETE', message: 'Your card’s expiry date is incomplete.' });
    await vi.waitFor(() => expect(document.activeElement).toBe(expiry.form));
    expect(expiry.form.state.error?.code).toBe('NOT_COMPLETE');
  });

  test('the focus() the SDK sends after a refused submit goes to the failing field again, not the submitting one, once', async () => {
    const { number, expiry } = await fourFields('group-refocus-001');
    const heard = eavesdrop('group-refocus-001');
    const focusMoves = () => heard.filter((m) => m.type === 'focus').length;
    await userEvent.type(number.input, '4242424242424242'); // a complete number moves on to the expiry by itself
    await vi.waitFor(() => expect(focusMoves()).toBe(1));
    number.input.focus();
    await expect(number.group.collect()).rejects.toMatchObject({ code: 'NOT_COMPLETE' });
    await vi.waitFor(() => expect(focusMoves()).toBe(2));
    // The SDK's follow-up: it focuses the submitting frame from the page, then calls focus() there.
    number.input.focus();
    expect(number.group.refocusRefusedField()).toBe(true);
    await vi.waitFor(() => expect(focusMoves()).toBe(3));
    await vi.waitFor(() => expect(document.activeElement).toBe(expiry.form));
    // Only once: a later focus() is the merchant's own, for the element it was called on.
    expect(number.group.refocusRefusedField()).toBe(false);
  });

  test('a refusal in the frame’s own field, or a focus() well after one, is an ordinary focus()', async () => {
    const { number, expiry } = await fourFields('group-refocus-002');
    await userEvent.type(number.input, '424242424242424');
    await expect(number.group.collect()).rejects.toMatchObject({ code: 'NOT_COMPLETE' });
    expect(number.group.refocusRefusedField()).toBe(false);
    await expect(expiry.group.collect()).rejects.toMatchObject({ code: 'NOT_COMPLETE' });
    await new Promise((resolve) => setTimeout(resolve, REFUSAL_FOCUS_WINDOW_MS + 100));
    expect(expiry.group.refocusRefusedField()).toBe(false);
  });

  test('a card without a required field on the page is refused, naming the field', async () => {
    const number = await member('number', 'group-missing-001', 1);
    await member('cvc', 'group-missing-001', 2);
    await settle();
    await userEvent.type(number.input, '4242424242424242');
    await expect(number.group.collect()).rejects.toMatchObject({ code: 'NOT_COMPLETE', message: expect.stringContaining('expiry') });
  });
});

describe('split fields: who may take part', () => {
  test('a second frame claiming a held field is refused and never receives card data', async () => {
    const group = 'group-dupe-000001';
    const heard = eavesdrop(group);
    const { number, cvc } = await fourFields(group);
    const second = await member('number', group, 10);
    await settle();
    expect(second.onRefused).toHaveBeenCalledTimes(1);
    expect(number.onRefused).not.toHaveBeenCalled();
    const secondHeard = vi.fn();
    second.channel.onmessage = secondHeard; // closed by the refusal: nothing can arrive

    await userEvent.type(number.input, '4242424242424242');
    await userEvent.type(second.input, '5555555555554444');
    const result = await cvc.group.collect().catch(() => undefined);
    expect(result).toBeUndefined(); // expiry and cvc are empty: the submit fails, but the parts were exchanged
    const parts = heard.filter((m) => m.type === 'part');
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((m) => m.type === 'part' && m.to === 'cvc-3')).toBe(true);
    expect(JSON.stringify(heard)).not.toContain('5555555555554444');
    expect(secondHeard).not.toHaveBeenCalled();
    // The refused frame cannot submit either: alone on a closed channel it has no card.
    await expect(second.group.collect()).rejects.toMatchObject({ code: 'NOT_COMPLETE' });
  });

  test('messages from a frame that holds no field are ignored: no card data answers a stranger', async () => {
    const group = 'group-stranger-01';
    const { number } = await fourFields(group);
    await userEvent.type(number.input, '4242424242424242');
    const heard = eavesdrop(group);
    const stranger = new BroadcastChannel(fieldGroupChannel(SESSION, group));
    cleanups.push(() => stranger.close());
    stranger.postMessage({ type: 'collect', id: 'stranger', field: 'number', request: 'r1' } satisfies FieldGroupMessage);
    stranger.postMessage({ type: 'collect', id: 'stranger', field: 'name', request: 'r2' } satisfies FieldGroupMessage);
    await settle();
    expect(heard.filter((m) => m.type === 'part')).toEqual([]);
  });

  test('a field freed by its frame leaving can be claimed again (unmount, then mount)', async () => {
    const group = 'group-remount-001';
    const { number, cvc } = await fourFields(group);
    number.group.leave();
    const again = await member('number', group, 20);
    await settle();
    expect(again.onRefused).not.toHaveBeenCalled();
    await userEvent.type(again.input, '4242424242424242');
    await vi.waitFor(() => expect(cvc.form.groupBrand).toBe('visa'));
  });

  test('a frame of another origin cannot open the group channel', async () => {
    // An opaque-origin frame stands for the attacker's frame on the merchant page: a different
    // origin from the vault's. It opens a BroadcastChannel of the same name and reports what it hears.
    const group = 'group-attacker-01';
    const { number, cvc } = await fourFields(group);
    const attacker = document.createElement('iframe');
    attacker.setAttribute('sandbox', 'allow-scripts');
    const name = fieldGroupChannel(SESSION, group);
    attacker.srcdoc = `<script>
      const heard = [];
      const channel = new BroadcastChannel(${JSON.stringify(name)});
      channel.onmessage = (event) => heard.push(event.data);
      channel.postMessage({ type: 'join', id: 'attacker', field: 'number', at: 0 });
      channel.postMessage({ type: 'collect', id: 'attacker', field: 'number', request: 'r' });
      window.addEventListener('message', () => parent.postMessage({ origin: origin, heard }, '*'));
      parent.postMessage('up', '*');
    </script>`;
    const up = new Promise((resolve) => window.addEventListener('message', (e) => e.data === 'up' && resolve(e)));
    document.body.append(attacker);
    await up;
    await userEvent.type(number.input, '4242424242424242');
    await userEvent.type(cvc.input, '123');
    await number.group.collect().catch(() => undefined);
    await settle();
    const report = new Promise<{ origin: string; heard: unknown[] }>((resolve) =>
      window.addEventListener('message', (e) => typeof e.data === 'object' && resolve(e.data)),
    );
    attacker.contentWindow!.postMessage('report', '*');
    const { origin, heard } = await report;
    expect(origin).toBe('null');
    expect(heard).toEqual([]);
    // Its join at time 0 would have won every claim had it arrived: the real number field still holds.
    expect(number.onRefused).not.toHaveBeenCalled();
  });
});

describe('split fields: the card’s state', () => {
  test('every field’s change carries the whole card’s coarse state, merged in the frames', async () => {
    const group = 'group-state-00001';
    const { number, expiry, cvc } = await fourFields(group);
    const posted: FrameEvent[] = [];
    for (const { form, group: fieldGroup } of [number, expiry, cvc]) {
      const post = fieldGroup.forwardEvents((event) => posted.push(event));
      form.addEventListener('cardframe-change', (event) => post({ type: 'change', state: event.detail }));
    }
    await userEvent.type(number.input, '4242424242424242');
    await userEvent.type(expiry.input, `12${String((year + 3) % 100).padStart(2, '0')}`);
    await userEvent.type(cvc.input, '123');
    const last = posted.at(-1);
    expect(last?.type === 'change' && last.state.fields).toEqual({ cvc: { empty: false, complete: true } });
    expect(last?.type === 'change' && last.group).toMatchObject({
      brand: 'visa',
      fields: { number: { complete: true }, expiry: { complete: true }, cvc: { complete: true }, name: { empty: true, complete: false } },
      complete: false, // the name field is on the page and empty
    });
    expect(JSON.stringify(posted)).not.toMatch(/4242|123/);
  });
});
