import type { CardElement, CardState, init as sdkInit } from '@cardframe/sdk';
import { applyAppearance, FRAME_STYLES, initialAppearance, type Appearance } from './appearance.ts';
import { CHECKOUT_MARKUP } from './checkout-markup.ts';
import { markCurrentPage } from './demo-pages.ts';
import { pay, refreshCvc, ShopApiError, startCheckout, type CheckoutSession, type PaidCard } from './shop-api.ts';
import { FIELD_ERROR_CODES, SESSION_ENDING_CODES, shopperMessage } from './shopper-message.ts';

type Init = typeof sdkInit;

export const SCHEME_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  'american express': 'American Express',
  discover: 'Discover',
  'diners club': 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

/** Field names as the shop's hint line says them (the frame names them in its own labels). */
const FIELD_LABELS = { number: 'card number', expiry: 'expiry date', cvc: 'security code', name: 'name on card' } as const;

function element<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the checkout markup`);
  return found as T;
}

/** Reads `{code, message}` off a rejection from the SDK or the shop's API. */
function errorParts(error: unknown): { code: string; message: string } {
  if (error instanceof ShopApiError) return { code: error.code, message: error.message };
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return { code: typeof code === 'string' ? code : 'UNKNOWN', message: typeof message === 'string' ? message : '' };
}

/** One payment form: a card frame, its error line and its pay button. */
interface PayForm {
  slot: HTMLElement;
  /** Failures of a payment attempt (submit rejections, session and network errors). */
  error: HTMLElement;
  /** What Pay is waiting for, from change events; the frame itself shows the field's message. */
  hint: HTMLElement;
  button: HTMLButtonElement;
  idleHint: string;
}

/**
 * The whole checkout: mounts the card frame through the SDK, enables Pay when the form is
 * complete, tokenizes on Pay (or Enter in the frame), asks the shop's server to read the token
 * back, and offers a second payment that re-collects only the CVC. The SDK entry point is
 * passed in, so the script-tag page and the npm page run the same code.
 */
export async function runCheckout(init: Init, root: HTMLElement): Promise<void> {
  root.innerHTML = CHECKOUT_MARKUP;
  markCurrentPage(root, window.location.pathname);
  const mainForm: PayForm = {
    slot: element('card'),
    error: element('card-error'),
    hint: element('pay-hint'),
    button: element('pay-button'),
    idleHint: 'Enter your card details to pay.',
  };
  const cvcForm: PayForm = {
    slot: element('cvc-slot'),
    error: element('cvc-error'),
    hint: element('cvc-hint'),
    button: element('cvc-pay'),
    idleHint: 'Enter the security code to pay.',
  };
  const views = { pay: element('view-pay'), success: element('view-success') };
  const live = new Set<CardElement>();

  let appearance: Appearance = initialAppearance();
  const toggle = element<HTMLButtonElement>('appearance-toggle');
  const showAppearance = () => {
    applyAppearance(appearance);
    toggle.setAttribute('aria-pressed', String(appearance === 'dark'));
    element('appearance-label').textContent = appearance === 'dark' ? 'Light mode' : 'Dark mode';
  };
  showAppearance();
  toggle.addEventListener('click', () => {
    appearance = appearance === 'dark' ? 'light' : 'dark';
    showAppearance();
    // The frame is another document: its look changes only through the SDK's allowlisted styles.
    for (const card of live) void card.update({ style: FRAME_STYLES[appearance] }).catch(() => {});
  });

  const setBusy = (form: PayForm, busy: boolean) => {
    form.button.classList.toggle('busy', busy);
    form.button.setAttribute('aria-busy', String(busy));
    if (busy) form.button.disabled = true;
  };

  /** The session cannot be used any more: remove the form and offer a fresh checkout, once. */
  const endSession = (message: string, card?: CardElement) => {
    if (card) {
      card.unmount();
      live.delete(card);
    }
    for (const part of [mainForm.slot, mainForm.error, mainForm.button, mainForm.hint]) part.hidden = true;
    for (const chip of document.querySelectorAll('.brand-chip.active')) chip.classList.remove('active');
    mainForm.button.disabled = true;
    element('session-ended-text').textContent = message;
    element('session-ended').hidden = false;
  };

  /** Mounts a frame for a session and wires its events; resolves with the element once it is ready. */
  async function mountCard(form: PayForm, session: CheckoutSession, onPay: (card: CardElement) => void): Promise<CardElement> {
    const cardframe = await init(session.sessionId, { baseUrl: session.vaultUrl });
    const card = cardframe.card({
      style: FRAME_STYLES[appearance],
      showCardholderName: false,
      placeholder: { number: '1234 1234 1234 1234' },
    });
    let complete = false;
    card.on('change', (state: CardState) => {
      complete = state.complete;
      form.button.disabled = !complete || form.button.classList.contains('busy');
      // The frame shows the field's own message beside the field; the shop says what Pay waits for.
      const invalidField = (Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[]).find((f) => state.fields[f]?.error);
      form.hint.textContent = state.complete ? '' : invalidField ? `Check the ${FIELD_LABELS[invalidField]} above to continue.` : form.idleHint;
      form.hint.classList.toggle('invalid', Boolean(invalidField));
      if (state.error) form.error.textContent = '';
      for (const chip of document.querySelectorAll<HTMLElement>('.brand-chip')) {
        chip.classList.toggle('active', chip.dataset.brand === state.brand);
      }
    });
    card.on('submit', () => {
      if (form.button.classList.contains('busy')) return;
      if (complete) {
        onPay(card);
        return;
      }
      // Enter on an incomplete form: the frame's submit() shows every field's error, announces
      // the first and focuses its field. Those errors live beside their fields in the frame;
      // only a failure of another kind (session, network) is the shop's to show.
      card.submit().catch((error: unknown) => {
        const { code, message } = errorParts(error);
        if (!FIELD_ERROR_CODES.includes(code as never)) form.error.textContent = shopperMessage(code, message);
      });
    });
    card.on('error', (error) => {
      const { code, message } = errorParts(error);
      form.error.textContent = shopperMessage(code, message);
      if (SESSION_ENDING_CODES.includes(code as never) && form === mainForm) endSession(shopperMessage(code, message), card);
    });
    form.slot.replaceChildren();
    await card.mount(form.slot);
    form.slot.setAttribute('aria-busy', 'false');
    live.add(card);
    return card;
  }

  function showSuccess(paid: PaidCard, savedCard: boolean) {
    views.pay.hidden = true;
    views.success.hidden = false;
    element('paid-scheme').textContent = SCHEME_NAMES[paid.card.scheme] ?? paid.card.scheme;
    element('paid-card').textContent = paid.card.maskedNumber;
    element('paid-expiry').textContent = `${String(paid.card.expiryMonth).padStart(2, '0')} / ${paid.card.expiryYear}`;
    element('paid-cvc').textContent = paid.cvcAvailable ? 'Held by the vault for this payment' : 'Not held';
    element('paid-token').textContent = paid.tokenId;
    element('success-lead').textContent = savedCard
      ? 'Paid again with your saved card. Order KC-1043 ships tomorrow.'
      : 'Thanks, Ada. Order KC-1042 is being roasted and ships tomorrow.';
    element('cvc-card').textContent = `${SCHEME_NAMES[paid.card.scheme] ?? paid.card.scheme} ${paid.card.maskedNumber}`;
    element('success-heading').focus();
  }

  /** Tokenizes in the frame, then lets the shop's server read the token back. */
  async function submitAndPay(form: PayForm, card: CardElement, savedCard: boolean): Promise<PaidCard | undefined> {
    setBusy(form, true);
    form.error.textContent = '';
    try {
      const { tokenId } = await card.submit();
      const paid = await pay(tokenId);
      card.unmount();
      live.delete(card);
      showSuccess(paid, savedCard);
      return paid;
    } catch (error) {
      const { code, message } = errorParts(error);
      const text = shopperMessage(code, message);
      form.error.textContent = text;
      if (SESSION_ENDING_CODES.includes(code as never) && form === mainForm) endSession(text, card);
      return undefined;
    } finally {
      setBusy(form, false);
    }
  }

  let paidCard: PaidCard | undefined;

  async function startMain() {
    try {
      const session = await startCheckout();
      const card = await mountCard(mainForm, session, (c) => void submitAndPay(mainForm, c, false).then(remember));
      mainForm.button.onclick = () => void submitAndPay(mainForm, card, false).then(remember);
    } catch (error) {
      const { code, message } = errorParts(error);
      mainForm.slot.setAttribute('aria-busy', 'false');
      mainForm.slot.replaceChildren();
      endSession(shopperMessage(code, message));
    }
  }
  const remember = (paid: PaidCard | undefined) => {
    if (paid) paidCard = paid;
  };

  element('pay-again').addEventListener('click', async (event) => {
    if (!paidCard) return;
    const button = event.currentTarget as HTMLButtonElement;
    button.disabled = true;
    element('cvc-panel').hidden = false;
    cvcForm.error.textContent = '';
    try {
      const session = await refreshCvc(paidCard.tokenId);
      const card = await mountCard(cvcForm, session, (c) => void finishSaved(c));
      cvcForm.button.onclick = () => void finishSaved(card);
      await card.focus().catch(() => {});
    } catch (error) {
      const { code, message } = errorParts(error);
      cvcForm.error.textContent = shopperMessage(code, message);
      button.disabled = false;
    }
  });

  async function finishSaved(card: CardElement) {
    const paid = await submitAndPay(cvcForm, card, true);
    if (paid) {
      paidCard = paid;
      element('cvc-panel').hidden = true;
      element<HTMLButtonElement>('pay-again').disabled = false;
    }
  }

  const restart = () => window.location.reload();
  element('restart').addEventListener('click', restart);
  element('new-order').addEventListener('click', restart);

  await startMain();
}
