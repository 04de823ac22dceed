import { afterEach, beforeAll, describe, expect, onTestFinished, test, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { CardframeError, Hellgate, HellgateError, type ChangeEvent, type SessionResult } from './index.ts';

// A merchant's Hellgate code against the real vault (tools/test-vault.ts): real sessions, the real
// frames on another site, real keystrokes into them. Only the base_url is Cardframe's.
let base_url = '';
const year = String((new Date().getFullYear() + 3) % 100).padStart(2, '0');

beforeAll(async () => {
  base_url = await commands.vaultUrl();
});

afterEach(() => {
  document.body.replaceChildren();
});

function slots(...ids: string[]): void {
  for (const id of ids) {
    const div = document.createElement('div');
    div.id = id;
    document.body.append(div);
  }
}

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

const refusal = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    return error as HellgateError | CardframeError;
  }
  throw new Error('not refused');
};

describe('Hellgate-shaped SDK against the real vault', () => {
  test('form fields and a text field pay as Hellgate’s sample does; the page sees the token id, never a digit', async () => {
    const seen = recordPage();
    slots('card-number', 'expiry-date', 'security-code', 'cardholder-name');
    const client = await Hellgate.init(await commands.createSession(), { base_url });
    const completed: SessionResult[] = [];
    client.onSessionComplete((result) => completed.push(result));
    const cardHandler = await client.use('CARD');
    expect(client.use('CARD')).toBe(cardHandler);
    const style = { base: { fontFamily: 'system-ui, sans-serif', color: '#1a1a1a', '::placeholder': { color: '#888' } }, invalid: { color: '#b00' } };
    const { cardNumber, expiryDate, securityCode } = cardHandler.createFormFields({
      style,
      cardNumber: { placeholder: '0000 0000 0000 0000' },
      securityCode: { placeholder: '000' },
    });
    const cardholderName = cardHandler.createTextField({ placeholder: 'Name on card', style });
    const changes: ChangeEvent[] = [];
    securityCode.on('change', (event) => changes.push(event));
    await Promise.all([
      cardNumber.mount('#card-number'),
      expiryDate.mount('#expiry-date'),
      securityCode.mount('#security-code'),
      cardholderName.mount(document.querySelector<HTMLElement>('#cardholder-name')!),
    ]);
    await commands.typeInFrame('#card-number iframe', '#number-input', '378282246310005');
    await commands.typeInFrame('#expiry-date iframe', '#expiry-input', `12${year}`);
    await commands.typeInFrame('#security-code iframe', '#cvc-input', '7391');
    await commands.typeInFrame('#cardholder-name iframe', '#name-input', 'Ada Lovelace');
    await vi.waitFor(() => expect(changes.at(-1)).toEqual({ empty: false, complete: true, valid: true }));

    const result = await cardHandler.process({ cardholder_name: cardholderName });
    expect(result.status).toBe('success');
    const tokenId = result.status === 'success' ? result.data.token_id : '';
    expect(completed).toEqual([{ status: 'success', data: { token_id: tokenId } }]);
    const token = (await commands.readToken(tokenId)) as { card?: Record<string, unknown> };
    expect(token.card).toMatchObject({ scheme: 'american express', masked_account_number: '378282*****0005', cardholder_name: 'Ada Lovelace' });
    const page = seen.join('\n');
    expect(page).not.toContain('378282246310005');
    expect(page).not.toMatch(/(^|\D)7391(\D|$)/);
  });

  test('the combined form: ready, change with Hellgate’s codes, failure results, unsubscribe, reset', async () => {
    slots('card-form');
    const client = await Hellgate.init(await commands.createSession(), { base_url });
    const cardHandler = client.use('CARD');
    const form = cardHandler.createForm({ style: { base: { fontSize: '16px' } } });
    const ready = vi.fn();
    const changes: ChangeEvent[] = [];
    form.on('ready', ready);
    const subscription = form.on('change', (event) => changes.push(event));
    await form.mount('#card-form');
    await vi.waitFor(() => expect(ready).toHaveBeenCalledWith({}));

    expect(await cardHandler.process()).toEqual({ status: 'failure', data: { message: expect.any(String), code: 'NOT_COMPLETE' } });
    await commands.typeInFrame('#card-form iframe', '#number-input', '4242424242424241');
    await form.blur();
    await vi.waitFor(() => expect(changes.at(-1)).toMatchObject({ valid: false, errorCode: 'LUHN_CHECK_FAILED', error: expect.any(String) }));
    const result = await cardHandler.process();
    expect(result).toEqual({ status: 'failure', data: { message: expect.any(String), code: 'LUHN_CHECK_FAILED' } });

    subscription.unsubscribe();
    const count = changes.length;
    await form.clear();
    await form.update({ disabled: true });
    expect(changes).toHaveLength(count);

    cardHandler.reset();
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
    // A reset handler starts over: the same session, a new form.
    const again = cardHandler.createForm();
    await again.mount('#card-form');
    await commands.typeInFrame('#card-form iframe', '#number-input', '4242424242424242');
    await commands.typeInFrame('#card-form iframe', '#expiry-input', `12${year}`);
    await commands.typeInFrame('#card-form iframe', '#cvc-input', '123');
    expect(await cardHandler.process()).toEqual({ status: 'success', data: { token_id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
  });

  test('reset() removes the fields; new fields for the same session pay as one card', async () => {
    slots('card-number', 'expiry-date', 'security-code');
    const client = await Hellgate.init(await commands.createSession(), { base_url });
    const cardHandler = client.use('CARD');
    const mountAll = async () => {
      const { cardNumber, expiryDate, securityCode } = cardHandler.createFormFields();
      await Promise.all([cardNumber.mount('#card-number'), expiryDate.mount('#expiry-date'), securityCode.mount('#security-code')]);
    };
    await mountAll();
    cardHandler.reset();
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
    await mountAll();
    await commands.typeInFrame('#card-number iframe', '#number-input', '5555555555554444');
    await commands.typeInFrame('#expiry-date iframe', '#expiry-input', `12${year}`);
    await commands.typeInFrame('#security-code iframe', '#cvc-input', '123');
    const result = await cardHandler.process();
    expect(result.status).toBe('success');
    const token = await commands.readToken(result.status === 'success' ? result.data.token_id : '');
    expect(token.card).toMatchObject({ scheme: 'mastercard', masked_account_number: '555555******4444' });
  });

  test("a session the vault does not know: the mount says so, process() answers Hellgate's message", async () => {
    slots('card-form');
    const client = await Hellgate.init(crypto.randomUUID(), { base_url });
    const cardHandler = client.use('CARD');
    const form = cardHandler.createForm();
    expect(((await refusal(() => form.mount('#card-form'))) as CardframeError).code).toBe('SESSION_NOT_FOUND');
  });

  test('what Cardframe cannot do is refused with a clear error, never dropped', async () => {
    const sessionId = await commands.createSession();
    const container = document.createElement('div');
    const noThreeDs = await refusal(() => Hellgate.init(sessionId, { base_url, challenge_3ds_container: container }));
    expect(noThreeDs).toBeInstanceOf(HellgateError);
    expect(noThreeDs).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('3-D Secure') });
    expect(await refusal(() => Hellgate.init(sessionId, {}))).toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(await refusal(() => Hellgate.init('not-a-session', { base_url }))).toBeInstanceOf(CardframeError);

    const client = await Hellgate.init(sessionId, { base_url });
    expect(await refusal(() => client.use('3DS'))).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining("use('3DS')") });
    const cardHandler = client.use('CARD');
    expect(await refusal(() => cardHandler.process())).toMatchObject({ code: 'NOT_CREATED' });
    expect(await refusal(() => cardHandler.createForm({ style: { fonts: ['https://fonts.example/a.css'] } }))).toMatchObject({ code: 'UNSUPPORTED' });
    // Checked by the SDK's allowlist: Cardframe's own error and path.
    expect(await refusal(() => cardHandler.createFormFields({ style: { base: { color: 'url(x)' } } }))).toMatchObject({ code: 'INVALID_STYLE' });

    cardHandler.createFormFields();
    const name = cardHandler.createTextField();
    expect(await refusal(() => cardHandler.createTextField())).toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(await refusal(() => cardHandler.process({ cardholder_name: 'Ada Lovelace' }))).toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringContaining('createTextField()'),
    });
    expect(await refusal(() => cardHandler.process())).toMatchObject({ code: 'INVALID_OPTIONS' });
    expect(await refusal(() => cardHandler.process({ cardholder_name: name, email: 'a@b.c' } as never))).toMatchObject({ code: 'UNSUPPORTED' });
    expect(await refusal(() => name.on('input' as never, () => {}))).toMatchObject({ code: 'INVALID_OPTIONS' });

    cardHandler.reset();
    cardHandler.createForm();
    expect(await refusal(() => cardHandler.createTextField())).toMatchObject({ code: 'UNSUPPORTED' });
  });
});
