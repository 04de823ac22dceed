import type { Hellgate as HellgateApi, Styles } from '@cardframe/hellgate';
import './checkout.css';
import { DEMO_NAV_MARKUP, markCurrentPage } from './demo-pages.ts';
import { SCHEME_NAMES } from './run-checkout.ts';
import { pay, startCheckout } from './shop-api.ts';

// A checkout written against Hellgate's Web SDK API (guardian-api.md §10, its sample client): the global
// `Hellgate`, `init` → `use('CARD')` → `createFormFields` + `createTextField` → `process`. Only two
// things differ from the page a Hellgate merchant has: the script tag's source (hellgate.html) and
// `base_url`, which is the vault's URL as the shop's server reports it.
declare global {
  interface Window {
    Hellgate?: typeof HellgateApi;
  }
}

const root = document.getElementById('app')!;
root.innerHTML = `<main class="checkout split-checkout">
  <h1>Pay with card</h1>
  <form id="payment-form" class="split-grid">
    <div class="split-cell wide" id="card-number"></div>
    <div class="split-cell" id="expiry-date"></div>
    <div class="split-cell" id="security-code"></div>
    <div class="split-cell wide" id="cardholder-name"></div>
  </form>
  <p class="pay-error" id="hellgate-error" role="alert"></p>
  <button type="submit" form="payment-form" class="pay-button" id="hellgate-pay">Pay</button>
  <section class="receipt" id="hellgate-receipt" role="status" hidden>
    <h2 id="success-heading">Paid</h2>
    <p><span id="paid-scheme"></span> <span id="paid-card"></span></p>
    <p>Token <code id="paid-token"></code></p>
  </section>
  ${DEMO_NAV_MARKUP}
</main>`;
markCurrentPage(root, location.pathname);

const byId = (id: string) => document.getElementById(id)!;

// Hellgate's style object, as its sample writes one (no `fonts`: the frames load no merchant stylesheets).
const style: Styles = {
  base: {
    fontFamily: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    color: '#1b1f24',
    fontSize: '16px',
    fontWeight: '400',
    lineHeight: '24px',
    backgroundColor: '#ffffff',
    '::placeholder': { color: '#8a929c' },
    ':disabled': { color: '#8a929c' },
  },
  complete: { color: '#1b1f24' },
  invalid: { color: '#b42318' },
};

async function main(Hellgate: typeof HellgateApi): Promise<void> {
  const { sessionId, vaultUrl } = await startCheckout();
  const client = await Hellgate.init(sessionId, { base_url: vaultUrl });
  const cardHandler = await client.use('CARD');
  const { cardNumber, expiryDate, securityCode } = cardHandler.createFormFields({
    style,
    cardNumber: { placeholder: '0000 0000 0000 0000' },
    securityCode: { placeholder: '000' },
  });
  const cardholderName = cardHandler.createTextField({ placeholder: 'Name on card', style });
  await Promise.all([
    cardNumber.mount('#card-number'),
    expiryDate.mount('#expiry-date'),
    securityCode.mount('#security-code'),
    cardholderName.mount('#cardholder-name'),
  ]);
  const button = byId('hellgate-pay') as HTMLButtonElement;
  byId('payment-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    byId('hellgate-error').textContent = '';
    try {
      const result = await cardHandler.process({ cardholder_name: cardholderName });
      if (result.status === 'failure') throw new Error(result.data.message);
      // The token id is all the page gets; the shop's server reads the masked card with its API key.
      const paid = await pay(result.data.token_id);
      byId('paid-scheme').textContent = SCHEME_NAMES[paid.card.scheme] ?? paid.card.scheme;
      byId('paid-card').textContent = paid.card.maskedNumber;
      byId('paid-token').textContent = paid.tokenId;
      byId('hellgate-receipt').hidden = false;
      cardHandler.reset();
      byId('payment-form').hidden = true;
      button.hidden = true;
    } catch (error) {
      byId('hellgate-error').textContent = (error as Error).message;
      button.disabled = false;
    }
  });
}

if (window.Hellgate) {
  main(window.Hellgate).catch((error: { message?: string }) => {
    byId('hellgate-error').textContent = error.message ?? 'The payment form could not start. Please reload the page.';
  });
} else {
  root.textContent = 'The secure payment script did not load. Please reload the page.';
}
