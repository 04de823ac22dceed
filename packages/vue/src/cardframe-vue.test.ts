import { createApp, defineComponent, h, ref, type App } from 'vue';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
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
  type SubmitOutcome,
} from './index.ts';

// Against the real vault (tools/test-vault.ts), like the React package's tests. Vitest fails a run
// on any unhandled rejection, so the error tests also prove no error escaped as one.
let baseUrl = '';
const year = String((new Date().getFullYear() + 3) % 100).padStart(2, '0');
const apps: App[] = [];

beforeAll(async () => {
  baseUrl = await commands.vaultUrl();
});

afterEach(() => {
  for (const app of apps.splice(0)) app.unmount();
  document.body.replaceChildren();
});

function mount(component: ReturnType<typeof defineComponent>): App {
  const host = document.createElement('div');
  document.body.append(host);
  const app = createApp(component);
  app.mount(host);
  apps.push(app);
  return app;
}

/** A pay button submitting whatever card is on the page, keeping the outcome. */
const Pay = defineComponent({
  props: { outcomes: { type: Array as () => SubmitOutcome[], required: true } },
  setup(props) {
    const { submit, submitting } = useSubmit();
    return () =>
      h('button', { id: 'pay', type: 'button', disabled: submitting.value, onClick: () => void submit().then((o) => props.outcomes.push(o)) }, 'Pay');
  },
});

const ErrorText = defineComponent({
  setup() {
    const { error } = useCardframe();
    return () => h('p', { id: 'error' }, error.value?.code ?? '');
  },
});

const frames = () => [...document.querySelectorAll('iframe')];
const sessionOf = (iframe: HTMLIFrameElement) => new URLSearchParams(new URL(iframe.src).hash.slice(1)).get('session');

describe('@cardframe/vue against the real vault', () => {
  test('split fields pay as one card through useSubmit()', async () => {
    const sessionId = await commands.createSession();
    const outcomes: SubmitOutcome[] = [];
    const ready = vi.fn();
    mount(
      defineComponent({
        setup: () => () =>
          h(CardframeProvider, { sessionId, baseUrl }, () => [
            h('div', { id: 'number' }, h(CardNumberElement, { onReady: ready })),
            h('div', { id: 'expiry' }, h(CardExpiryElement, { onReady: ready })),
            h('div', { id: 'cvc' }, h(CardCvcElement, { onReady: ready })),
            h('div', { id: 'name' }, h(CardholderNameElement, { onReady: ready })),
            h(Pay, { outcomes }),
          ]),
      }),
    );
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(4), { timeout: 15_000 });
    await commands.typeInFrame('#number iframe', '#number-input', '5555555555554444');
    await commands.typeInFrame('#expiry iframe', '#expiry-input', `12${year}`);
    await commands.typeInFrame('#cvc iframe', '#cvc-input', '123');
    await commands.typeInFrame('#name iframe', '#name-input', 'Grace Hopper');
    document.querySelector<HTMLButtonElement>('#pay')!.click();
    await vi.waitFor(() => expect(outcomes).toHaveLength(1), { timeout: 15_000 });
    expect(outcomes[0]?.error).toBeUndefined();
    const token = await commands.readToken(outcomes[0]!.tokenId!);
    expect(token.card).toMatchObject({ scheme: 'mastercard', masked_account_number: '555555******4444' });
    expect(document.body.innerHTML).not.toMatch(/5555555555554444|Grace/);
  });

  test('errors reach the provider’s error event and useCardframe().error: not found, bad options, bad id', async () => {
    const codes: string[] = [];
    const sessionId = ref('7b1f0c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e');
    const options = ref({});
    mount(
      defineComponent({
        setup: () => () =>
          h(CardframeProvider, { sessionId: sessionId.value, baseUrl, onError: (error: CardframeError) => codes.push(error.code) }, () => [
            h('div', { id: 'card' }, h(CardElement, { options: options.value })),
            h(ErrorText),
          ]),
      }),
    );
    await vi.waitFor(() => expect(codes).toContain('SESSION_NOT_FOUND'), { timeout: 15_000 });
    await vi.waitFor(() => expect(document.querySelector('#error')?.textContent).toBe('SESSION_NOT_FOUND'));

    sessionId.value = await commands.createSession(); // re-initialises: one frame, the new session
    await vi.waitFor(() => expect(frames().map(sessionOf)).toEqual([sessionId.value]), { timeout: 15_000 });
    options.value = { style: { base: { color: 'url(https://evil.test/x)' } } }; // update() refuses it
    await vi.waitFor(() => expect(codes).toContain('INVALID_STYLE'), { timeout: 15_000 });

    sessionId.value = 'not-a-session';
    await vi.waitFor(() => expect(codes).toContain('INVALID_OPTIONS'), { timeout: 15_000 });
    expect(frames()).toEqual([]);
  });

  test('unmounting the app removes every frame', async () => {
    const sessionId = await commands.createSession();
    const app = mount(defineComponent({ setup: () => () => h(CardframeProvider, { sessionId, baseUrl }, () => [h(CardNumberElement), h(CardCvcElement)]) }));
    await vi.waitFor(() => expect(frames()).toHaveLength(2), { timeout: 15_000 });
    app.unmount();
    apps.splice(apps.indexOf(app), 1);
    expect(frames()).toEqual([]);
  });
});
