import { createElement as h, StrictMode, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { commands } from 'vitest/browser';
import {
  CardCvcElement,
  CardElement,
  CardExpiryElement,
  CardframeProvider,
  CardholderNameElement,
  CardNumberElement,
  useCardframe,
  useSubmit,
  type CardframeError,
  type CardState,
  type SubmitOutcome,
} from './index.ts';

// Against the real vault (tools/test-vault.ts): real sessions, the real frame on another site,
// real keystrokes into it. Vitest fails a run on any unhandled rejection, so every error test
// here also proves the error did not escape as one.
let baseUrl = '';
const year = String((new Date().getFullYear() + 3) % 100).padStart(2, '0');
const roots: Root[] = [];

beforeAll(async () => {
  baseUrl = await commands.vaultUrl();
});

afterEach(() => {
  for (const root of roots.splice(0)) root.unmount();
  document.body.replaceChildren();
});

function render(node: ReactNode): Root {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  roots.push(root);
  root.render(h(StrictMode, null, node));
  return root;
}

/** A checkout button that submits whatever card is on the page and keeps the outcome. */
function Pay({ outcomes }: { outcomes: SubmitOutcome[] }): ReactNode {
  const { submit, submitting } = useSubmit();
  return h('button', { id: 'pay', type: 'button', disabled: submitting, onClick: () => void submit().then((outcome) => outcomes.push(outcome)) }, 'Pay');
}

function ErrorText(): ReactNode {
  const { error } = useCardframe();
  return h('p', { id: 'error' }, error ? error.code : '');
}

const frames = () => [...document.querySelectorAll('iframe')];
const sessionOf = (iframe: HTMLIFrameElement) => new URLSearchParams(new URL(iframe.src).hash.slice(1)).get('session');

/** Everything the merchant page can see of messages: window messages and every MessageChannel it makes. */
function recordPage(): string[] {
  const seen: string[] = [];
  const describe = (data: unknown) => JSON.stringify(data, (_key, value: unknown) => (value instanceof MessagePort ? '[port]' : value));
  const onMessage = (event: MessageEvent) => seen.push(describe(event.data));
  window.addEventListener('message', onMessage, true);
  const Original = window.MessageChannel;
  window.MessageChannel = class extends Original {
    constructor() {
      super();
      for (const port of [this.port1, this.port2]) port.addEventListener('message', (event) => seen.push(describe(event.data)));
    }
  };
  onTestFinished(() => {
    window.removeEventListener('message', onMessage, true);
    window.MessageChannel = Original;
  });
  return seen;
}

/** Four split fields and a Pay button, as a merchant's checkout form would hold them. */
function SplitCheckout(props: { onReady: () => void; changes: CardState[]; outcomes: SubmitOutcome[] }): ReactNode {
  const { onReady, changes, outcomes } = props;
  return h(
    'form',
    null,
    h(CardNumberElement, { id: 'number', onReady }),
    h(CardExpiryElement, { id: 'expiry', onReady }),
    h(CardCvcElement, { id: 'cvc', onReady, onChange: (state) => changes.push(state) }),
    h(CardholderNameElement, { id: 'name', onReady, options: { placeholder: { name: 'Name on card' } } }),
    h(Pay, { outcomes }),
  );
}

/** A provider whose session a button swaps, as a checkout that starts over would. */
function SessionSwitcher(props: { first: string; second: string }): ReactNode {
  const [sessionId, setSessionId] = useState(props.first);
  return h(
    CardframeProvider,
    { sessionId, baseUrl },
    h('button', { id: 'switch', type: 'button', onClick: () => setSessionId(props.second) }, 'new session'),
    h(CardElement, { id: 'card' }),
  );
}

describe('@cardframe/react against the real vault', () => {
  test('the combined element pays under StrictMode: one frame, a token id, nothing else', async () => {
    const sessionId = await commands.createSession();
    const outcomes: SubmitOutcome[] = [];
    const onReady = vi.fn();
    render(h(CardframeProvider, { sessionId, baseUrl }, h(CardElement, { id: 'card', onReady }), h(Pay, { outcomes })));
    await vi.waitFor(() => expect(onReady).toHaveBeenCalled(), { timeout: 15_000 });
    expect(frames()).toHaveLength(1); // StrictMode's first mount was unmounted, not leaked
    await commands.typeInFrame('#card iframe', '#number-input', '4242424242424242');
    await commands.typeInFrame('#card iframe', '#expiry-input', `12${year}`);
    await commands.typeInFrame('#card iframe', '#cvc-input', '123');
    document.querySelector<HTMLButtonElement>('#pay')!.click();
    await vi.waitFor(() => expect(outcomes).toHaveLength(1), { timeout: 15_000 });
    const [outcome] = outcomes;
    expect(outcome?.error).toBeUndefined();
    const token = await commands.readToken(outcome!.tokenId!);
    expect(token.card).toMatchObject({ scheme: 'visa', masked_account_number: '424242******4242' });
  });

  test('split fields pay as one card; the page sees the group’s coarse state and never a digit', async () => {
    const seen = recordPage();
    const sessionId = await commands.createSession();
    const outcomes: SubmitOutcome[] = [];
    const changes: CardState[] = [];
    const onReady = vi.fn();
    render(h(CardframeProvider, { sessionId, baseUrl }, h(SplitCheckout, { onReady, changes, outcomes })));
    await vi.waitFor(() => expect(onReady).toHaveBeenCalledTimes(4), { timeout: 15_000 });
    expect(frames()).toHaveLength(4);
    await commands.typeInFrame('#number iframe', '#number-input', '378282246310005'); // Amex: a 4-digit CID
    await commands.typeInFrame('#expiry iframe', '#expiry-input', `12${year}`);
    await commands.typeInFrame('#cvc iframe', '#cvc-input', '7391');
    await commands.typeInFrame('#name iframe', '#name-input', 'Ada Lovelace');
    await vi.waitFor(() => expect(changes.at(-1)?.fields.cvc?.complete).toBe(true)); // 4 digits fit only because the brand crossed
    document.querySelector<HTMLButtonElement>('#pay')!.click();
    await vi.waitFor(() => expect(outcomes).toHaveLength(1), { timeout: 15_000 });
    expect(outcomes[0]?.error).toBeUndefined();
    const token = await commands.readToken(outcomes[0]!.tokenId!);
    expect(token.card).toMatchObject({ scheme: 'american express', masked_account_number: '378282*****0005' });

    const observed = [...seen, document.body.innerHTML].join('\n');
    expect(seen.some((line) => line.includes('"complete":true'))).toBe(true); // the recorder did record
    for (const secret of ['378282246310005', '7391', 'Ada Lovelace']) expect(observed).not.toContain(secret);
    for (let i = 0; i + 6 <= 15; i++) expect(observed).not.toContain('378282246310005'.slice(i, i + 6));
  });

  test('errors reach onError and useCardframe().error, never an unhandled rejection: not found, then used', async () => {
    const codes: string[] = [];
    const onError = (error: CardframeError) => codes.push(error.code);
    const unknownSession = '7b1f0c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
    const root = render(h(CardframeProvider, { sessionId: unknownSession, baseUrl, onError }, h(CardElement, { id: 'card' }), h(ErrorText)));
    await vi.waitFor(() => expect(codes).toContain('SESSION_NOT_FOUND'), { timeout: 15_000 });
    await vi.waitFor(() => expect(document.querySelector('#error')?.textContent).toBe('SESSION_NOT_FOUND'));

    // A session already used for a token: the element reports SESSION_COMPLETED.
    const used = await commands.createSession();
    const outcomes: SubmitOutcome[] = [];
    const onReady = vi.fn();
    root.render(
      h(StrictMode, null, h(CardframeProvider, { sessionId: used, baseUrl, onError }, h(CardElement, { id: 'card', onReady }), h(Pay, { outcomes }))),
    );
    await vi.waitFor(() => expect(onReady).toHaveBeenCalled(), { timeout: 15_000 });
    await commands.typeInFrame('#card iframe', '#number-input', '4242424242424242');
    await commands.typeInFrame('#card iframe', '#expiry-input', `12${year}`);
    await commands.typeInFrame('#card iframe', '#cvc-input', '123');
    document.querySelector<HTMLButtonElement>('#pay')!.click();
    await vi.waitFor(() => expect(outcomes[0]?.tokenId).toBeTruthy(), { timeout: 15_000 });
    document.querySelector<HTMLButtonElement>('#pay')!.click(); // the same session again
    await vi.waitFor(() => expect(outcomes[1]?.error?.code).toBe('SESSION_COMPLETED'), { timeout: 15_000 });
    expect(codes).toContain('SESSION_COMPLETED');

    root.render(h(CardframeProvider, { sessionId: used, baseUrl, onError }, h(CardElement, { id: 'card' })));
    root.render(h(CardframeProvider, { sessionId: `${used} `, baseUrl, onError }, h(CardElement, { id: 'card' })));
    await vi.waitFor(() => expect(codes).toContain('INVALID_OPTIONS'));
  });

  test('a new session re-initialises: the old frame goes, one new frame for the new session; unmount leaves nothing', async () => {
    const first = await commands.createSession();
    const second = await commands.createSession();
    const root = render(h(SessionSwitcher, { first, second }));
    await vi.waitFor(() => expect(frames().map(sessionOf)).toEqual([first]));
    document.querySelector<HTMLButtonElement>('#switch')!.click();
    await vi.waitFor(() => expect(frames().map(sessionOf)).toEqual([second]));
    root.unmount();
    roots.splice(roots.indexOf(root), 1);
    expect(frames()).toEqual([]);
  });

  test('bad options surface as INVALID_STYLE through onError, and no frame is made', async () => {
    const sessionId = await commands.createSession();
    const codes: string[] = [];
    const onError = (error: CardframeError) => codes.push(error.code);
    render(h(CardframeProvider, { sessionId, baseUrl, onError }, h(CardElement, { options: { style: { base: { color: 'url(https://evil.test/x)' } } } })));
    await vi.waitFor(() => expect(codes).toContain('INVALID_STYLE'), { timeout: 15_000 });
    expect(frames()).toEqual([]);
  });
});
