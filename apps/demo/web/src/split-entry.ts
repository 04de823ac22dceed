import { init, type CardElement } from '@cardframe/sdk';
import { FRAME_STYLES } from './appearance.ts';
import './checkout.css';
import { DEMO_NAV_MARKUP, markCurrentPage } from './demo-pages.ts';
import { SCHEME_NAMES } from './run-checkout.ts';
import { pay, startCheckout } from './shop-api.ts';
import { shopperMessage } from './shopper-message.ts';

// The split-field checkout: number on its own row, expiry and CVC side by side, the name below,
// each in its own vault-origin frame, paid as one card with `group.submit()`.
const root = document.getElementById('app')!;
root.innerHTML = `<main class="checkout split-checkout">
  <h1>Pay with card</h1>
  <div class="split-grid">
    <div class="split-cell wide" id="split-number"></div>
    <div class="split-cell" id="split-expiry"></div>
    <div class="split-cell" id="split-cvc"></div>
    <div class="split-cell wide" id="split-name"></div>
  </div>
  <p class="pay-error" id="split-error" role="alert"></p>
  <button type="button" class="pay-button" id="split-pay" disabled>Pay</button>
  <section class="receipt" id="split-receipt" role="status" hidden>
    <h2 id="success-heading">Paid</h2>
    <p><span id="paid-scheme"></span> <span id="paid-card"></span></p>
    <p>Token <code id="paid-token"></code></p>
  </section>
  ${DEMO_NAV_MARKUP}
</main>`;
markCurrentPage(root, location.pathname);

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const button = byId<HTMLButtonElement>('split-pay');
const errorLine = byId('split-error');
const receipt = byId('split-receipt');

async function main(): Promise<void> {
  const session = await startCheckout();
  const cardframe = await init(session.sessionId, { baseUrl: session.vaultUrl });
  const style = FRAME_STYLES.light; // one style shared by every field
  const fields: [CardElement, string][] = [
    [cardframe.cardNumber({ style }), '#split-number'],
    [cardframe.cardExpiry({ style }), '#split-expiry'],
    [cardframe.cardCvc({ style }), '#split-cvc'],
    [cardframe.cardholderName({ style, placeholder: { name: 'Name on card' } }), '#split-name'],
  ];
  cardframe.group.on('change', (state) => {
    button.disabled = !state.complete;
  });
  cardframe.group.on('error', (error) => {
    errorLine.textContent = shopperMessage(error.code, error.message);
  });
  await Promise.all(fields.map(([field, target]) => field.mount(target)));
  button.addEventListener('click', async () => {
    button.disabled = true;
    errorLine.textContent = '';
    try {
      const { tokenId } = await cardframe.group.submit();
      const paid = await pay(tokenId);
      byId('paid-scheme').textContent = SCHEME_NAMES[paid.card.scheme] ?? paid.card.scheme;
      byId('paid-card').textContent = paid.card.maskedNumber;
      byId('paid-token').textContent = paid.tokenId;
      receipt.hidden = false;
      for (const [field] of fields) field.unmount();
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      errorLine.textContent = shopperMessage(code ?? 'UNKNOWN', message ?? '');
      button.disabled = false;
    }
  });
}

main().catch((error: { code?: string; message?: string }) => {
  errorLine.textContent = shopperMessage(error.code ?? 'UNKNOWN', error.message ?? '');
});
