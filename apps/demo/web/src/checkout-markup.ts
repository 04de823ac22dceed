import { DEMO_NAV_MARKUP } from './demo-pages.ts';

/**
 * The checkout's static markup. Static on purpose: every dynamic value (token id, masked card,
 * messages) is set later through `textContent`, so nothing the server or vault returns is ever
 * parsed as HTML.
 */
export const CHECKOUT_MARKUP = /* html */ `
<header class="topbar">
  <a class="brand" href="/" aria-label="Kestrel Coffee home">
    <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true"><path d="M4 20c6-1 10-5 12-12 2 7 6 11 12 12-6 1-9 3-12 8-3-5-6-7-12-8z"/></svg>
    <span>Kestrel Coffee</span>
  </a>
  <div class="topbar-right">
    <span class="secure-note">
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1zm2 0h6V7a3 3 0 0 0-6 0v3z"/></svg>
      Secure checkout
    </span>
    <button type="button" class="appearance" id="appearance-toggle" aria-pressed="false">
      <span class="appearance-icon" aria-hidden="true"></span><span id="appearance-label">Dark mode</span>
    </button>
  </div>
</header>

<main class="layout">
  <section class="panel checkout" aria-labelledby="pay-heading">
    <ol class="steps" aria-label="Checkout progress">
      <li class="done">Cart</li><li class="done">Shipping</li><li aria-current="step">Payment</li>
    </ol>

    <div id="view-pay">
      <h1 id="pay-heading">Payment</h1>
      <div class="ship-to">
        <span class="muted">Ship to</span>
        <span>Ada Lovelace · 12 Analytical Street, London N1 7AA</span>
      </div>

      <div class="card-heading">
        <span id="card-label" class="field-label">Card details</span>
        <span class="brands" aria-hidden="true">
          <span class="brand-chip" data-brand="visa">VISA</span><span class="brand-chip" data-brand="mastercard">MC</span><span class="brand-chip" data-brand="american express">AMEX</span><span class="brand-chip" data-brand="discover">DISC</span><span class="brand-chip" data-brand="jcb">JCB</span>
        </span>
      </div>
      <div id="card" class="card-slot" role="group" aria-labelledby="card-label" aria-busy="true">
        <div class="skeleton" aria-hidden="true"><span></span><span></span></div>
      </div>
      <p id="card-error" class="error" role="alert"></p>

      <button id="pay-button" class="pay" type="button" disabled aria-describedby="pay-hint">
        <span class="spinner" aria-hidden="true"></span>
        <span class="pay-label">Pay <span class="amount">€56.90</span></span>
      </button>
      <p id="pay-hint" class="hint">Enter your card details to pay.</p>

      <div id="session-ended" class="notice" hidden>
        <p id="session-ended-text"></p>
        <button id="restart" type="button" class="secondary">Start a new checkout</button>
      </div>

      <p class="fine-print">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3z"/></svg>
        Your card is entered in a secure frame and goes straight to our payment vault.
        Kestrel Coffee never sees or stores your card number.
      </p>
    </div>

    <div id="view-success" hidden>
      <div class="success-badge" aria-hidden="true">
        <svg viewBox="0 0 24 24"><path d="M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 11-11-1.4-1.4z"/></svg>
      </div>
      <h1 id="success-heading" tabindex="-1">Payment confirmed</h1>
      <p class="lead" id="success-lead">Thanks, Ada. Order KC-1042 is being roasted and ships tomorrow.</p>
      <dl class="receipt">
        <div><dt>Card</dt><dd><span id="paid-scheme" class="scheme-pill"></span> <span id="paid-card" class="mono"></span></dd></div>
        <div><dt>Expires</dt><dd id="paid-expiry" class="mono"></dd></div>
        <div><dt>Security code</dt><dd id="paid-cvc"></dd></div>
        <div><dt>Token</dt><dd><code id="paid-token"></code></dd></div>
      </dl>
      <p class="fine-print">
        The shop's server read this card back from the vault with its own API key.
        It keeps only the token; the card number stays in the vault.
      </p>

      <div class="saved-card">
        <h2>Order again with your saved card</h2>
        <p class="muted">Same beans, same address. We only need your card's security code again.</p>
        <button id="pay-again" type="button" class="secondary">Pay again with saved card</button>
        <div id="cvc-panel" hidden>
          <p class="cvc-for">Security code for <span id="cvc-card" class="mono"></span></p>
          <div id="cvc-slot" class="card-slot" role="group" aria-label="Security code for your saved card" aria-busy="true">
            <div class="skeleton" aria-hidden="true"><span></span></div>
          </div>
          <p id="cvc-error" class="error" role="alert"></p>
          <button id="cvc-pay" class="pay" type="button" disabled aria-describedby="cvc-hint">
            <span class="spinner" aria-hidden="true"></span>
            <span class="pay-label">Pay <span class="amount">€56.90</span></span>
          </button>
          <p id="cvc-hint" class="hint">Enter the security code to pay.</p>
        </div>
      </div>
      <button id="new-order" type="button" class="link">Start a new order</button>
    </div>
  </section>

  <aside class="panel summary" aria-labelledby="summary-heading">
    <h2 id="summary-heading">Order summary</h2>
    <ul class="items">
      <li>
        <span class="thumb thumb-beans" aria-hidden="true"></span>
        <span class="item-name">Ethiopia Yirgacheffe<small>Whole bean · 250 g · × 2</small></span>
        <span class="item-price">€28.00</span>
      </li>
      <li>
        <span class="thumb thumb-dripper" aria-hidden="true"></span>
        <span class="item-name">Ceramic pour-over dripper<small>Size 02 · Stone</small></span>
        <span class="item-price">€24.00</span>
      </li>
    </ul>
    <dl class="totals">
      <div><dt>Subtotal</dt><dd>€52.00</dd></div>
      <div><dt>Shipping</dt><dd>€4.90</dd></div>
      <div class="muted"><dt>Incl. VAT (19%)</dt><dd>€9.09</dd></div>
      <div class="grand"><dt>Total</dt><dd>€56.90</dd></div>
    </dl>
    <p class="guarantee">Free returns within 30 days · Roasted to order</p>
  </aside>
</main>
<footer class="footer">
  <span>Kestrel Coffee — a Cardframe demo shop.</span>
  <span>Test card: 4242 4242 4242 4242 · any future date · any CVC</span>
  ${DEMO_NAV_MARKUP}
</footer>
`;
