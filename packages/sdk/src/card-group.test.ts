import { expose } from 'comlink';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CardFrameApi, CardState, FieldName, FrameEvent } from '@cardframe/protocol';
import { init } from './init.ts';

const SESSION = '0b6f3c52-6a43-4e4f-9d8e-2f1c3f0a9b11';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const fragmentOf = (iframe: HTMLIFrameElement) => new URLSearchParams(new URL(iframe.src).hash.slice(1));

function slot(id: string): HTMLElement {
  const div = document.createElement('div');
  div.id = id;
  document.body.append(div);
  return div;
}

/**
 * Plays one field frame's side of the real bridge: waits for its iframe to load, sends the hello
 * from that iframe's window, catches the connect and exposes `api` with real comlink.
 */
async function playFrame(iframe: HTMLIFrameElement, api: Partial<CardFrameApi> = {}): Promise<(event: FrameEvent) => void> {
  await new Promise<void>((resolve) => {
    if (iframe.contentDocument?.readyState === 'complete' && iframe.contentWindow?.location.href !== 'about:blank') resolve();
    else iframe.addEventListener('load', () => resolve(), { once: true });
  });
  const frameWindow = iframe.contentWindow!;
  const postMessage = vi.spyOn(frameWindow, 'postMessage').mockImplementation(() => {});
  const channel = fragmentOf(iframe).get('channel');
  window.dispatchEvent(new MessageEvent('message', { data: { type: 'cardframe:hello', version: 1, channel }, origin: location.origin, source: frameWindow }));
  const [, , transfer] = postMessage.mock.calls[0] as unknown as [unknown, string, MessagePort[]];
  const [rpc, events] = transfer as [MessagePort, MessagePort];
  expose({ update: async () => {}, ...api }, rpc);
  return (event) => events.postMessage(event);
}

const fieldState = (field: FieldName, complete: boolean): CardState => ({
  empty: !complete,
  complete,
  brand: 'unknown',
  fields: { [field]: { empty: !complete, complete } },
});

describe('split fields', () => {
  test('each field is its own frame; one card shares one random group id, another instance another', async () => {
    const cardframe = await init(SESSION, { baseUrl: location.origin });
    const fields = [
      ['number', cardframe.cardNumber()],
      ['expiry', cardframe.cardExpiry()],
      ['cvc', cardframe.cardCvc()],
      ['name', cardframe.cardholderName()],
    ] as const;
    for (const [name, element] of fields) element.mount(slot(`${name}-slot`)).catch(() => {});
    const frames = [...document.querySelectorAll('iframe')];
    expect(frames.map((frame) => fragmentOf(frame).get('field'))).toEqual(['number', 'expiry', 'cvc', 'name']);
    const groups = new Set(frames.map((frame) => fragmentOf(frame).get('group')));
    expect(groups.size).toBe(1);
    expect([...groups][0]).toMatch(/^[A-Za-z0-9_-]{16,64}$/); // the same random id as a mount's channel
    expect(new Set(frames.map((frame) => fragmentOf(frame).get('channel'))).size).toBe(4);

    const other = await init(SESSION, { baseUrl: location.origin });
    other
      .cardNumber()
      .mount(slot('other'))
      .catch(() => {});
    expect(fragmentOf(document.querySelector('#other iframe')!).get('group')).not.toBe([...groups][0]);
    // The combined element stays a combined element: no field, no group.
    cardframe
      .card()
      .mount(slot('combined'))
      .catch(() => {});
    expect([...fragmentOf(document.querySelector('#combined iframe')!).keys()]).toEqual(['session', 'origin', 'channel', 'options']);
    for (const [, element] of fields) element.unmount();
  });

  test('group: ready once every field is, change with the whole card, per-field events stay per field', async () => {
    const cardframe = await init(SESSION, { baseUrl: location.origin });
    const number = cardframe.cardNumber();
    const cvc = cardframe.cardCvc();
    const groupEvents: string[] = [];
    const groupChanges: CardState[] = [];
    const numberChanges: CardState[] = [];
    cardframe.group.on('ready', () => groupEvents.push('ready'));
    cardframe.group.on('focus', ({ field }) => groupEvents.push(`focus ${field}`));
    cardframe.group.on('change', (state) => groupChanges.push(state));
    number.on('change', (state) => numberChanges.push(state));
    const numberReady = number.mount(slot('n'));
    const cvcReady = cvc.mount(slot('c'));
    const [numberFrame, cvcFrame] = [...document.querySelectorAll('iframe')];
    const postNumber = await playFrame(numberFrame!);
    const postCvc = await playFrame(cvcFrame!);

    postNumber({ type: 'ready', mode: 'card', height: 40 });
    await numberReady;
    expect(groupEvents).toEqual([]);
    postCvc({ type: 'ready', mode: 'card', height: 40 });
    await cvcReady;
    expect(groupEvents).toEqual(['ready']);

    const whole: CardState = {
      empty: false,
      complete: false,
      brand: 'visa',
      fields: { number: { empty: false, complete: true }, cvc: { empty: true, complete: false } },
    };
    postNumber({ type: 'change', state: { ...fieldState('number', true), brand: 'visa' }, group: whole });
    postCvc({ type: 'focus', field: 'cvc' });
    await vi.waitFor(() => expect(groupEvents).toEqual(['ready', 'focus cvc']));
    expect(groupChanges).toEqual([whole]);
    expect(numberChanges).toEqual([{ ...fieldState('number', true), brand: 'visa' }]);
  });

  test('group.submit() submits through the first field in card order; any field can submit too', async () => {
    const cardframe = await init(SESSION, { baseUrl: location.origin });
    const cvc = cardframe.cardCvc();
    const number = cardframe.cardNumber();
    const cvcMounted = cvc.mount(slot('c'));
    const numberMounted = number.mount(slot('n'));
    const [cvcFrame, numberFrame] = [...document.querySelectorAll('iframe')];
    const submitted: string[] = [];
    const postCvc = await playFrame(cvcFrame!, { submit: async () => (submitted.push('cvc'), { tokenId: 'token-from-cvc' }) });
    const postNumber = await playFrame(numberFrame!, { submit: async () => (submitted.push('number'), { tokenId: 'token-from-number' }) });
    postCvc({ type: 'ready', mode: 'card', height: 40 });
    postNumber({ type: 'ready', mode: 'card', height: 40 });
    await Promise.all([cvcMounted, numberMounted]);
    await expect(cardframe.group.submit()).resolves.toEqual({ tokenId: 'token-from-number' });
    await expect(cvc.submit()).resolves.toEqual({ tokenId: 'token-from-cvc' });
    expect(submitted).toEqual(['number', 'cvc']);
  });

  test('a group without fields rejects its submit with NOT_MOUNTED, never an unhandled rejection', async () => {
    const cardframe = await init(SESSION, { baseUrl: location.origin });
    await expect(cardframe.group.submit()).rejects.toMatchObject({ code: 'NOT_MOUNTED' });
    expect(Object.isFrozen(cardframe.group)).toBe(true);
  });
});
