import { CardElement, CardframeProvider, useSubmit, type CardframeError, type CardState } from '@cardframe/react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { FRAME_STYLES } from './appearance.ts';
import { DEMO_PAGES } from './demo-pages.ts';
import { SCHEME_NAMES } from './run-checkout.ts';
import { pay, startCheckout, type CheckoutSession, type PaidCard, type ShopApiError } from './shop-api.ts';
import { SESSION_ENDING_CODES, shopperMessage } from './shopper-message.ts';

/** What the shopper reads, and whether this checkout's session can still be used. */
interface Problem {
  text: string;
  sessionEnded: boolean;
}

const problemOf = (code: string, message: string): Problem => ({
  text: shopperMessage(code, message),
  sessionEnded: SESSION_ENDING_CODES.includes(code as never),
});

/**
 * The shop's checkout as a React merchant writes it: the shop's server makes the session, the
 * provider starts Cardframe for it, `<CardElement>` shows the vault's frame, `useSubmit()` turns
 * the card into a token id, and the shop's server reads the masked card back. Every Cardframe
 * error arrives through the provider's `onError` (the package's one error path) and is shown.
 */
export function ReactCheckout(): ReactNode {
  const [session, setSession] = useState<CheckoutSession | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [paid, setPaid] = useState<PaidCard | null>(null);

  useEffect(() => {
    let live = true;
    startCheckout().then(
      (created) => live && setSession(created),
      (error: ShopApiError) => live && setProblem({ text: shopperMessage(error.code, error.message), sessionEnded: true }),
    );
    return () => {
      live = false;
    };
  }, []);

  const onCardframeError = useCallback((error: CardframeError) => setProblem(problemOf(error.code, error.message)), []);

  return (
    <>
      <header className="topbar">
        <a className="brand" href="/" aria-label="Kestrel Coffee home">
          <span>Kestrel Coffee</span>
        </a>
        <span className="secure-note">Secure checkout</span>
      </header>
      <main className="layout react-checkout">
        <section className="panel checkout" aria-labelledby={paid ? 'success-heading' : 'pay-heading'}>
          {paid ? (
            <Receipt paid={paid} />
          ) : (
            <div id="view-pay">
              <h1 id="pay-heading">Payment</h1>
              {session && !problem?.sessionEnded ? (
                <CardframeProvider sessionId={session.sessionId} baseUrl={session.vaultUrl} onError={onCardframeError}>
                  <PayForm problem={problem} setProblem={setProblem} onPaid={setPaid} />
                </CardframeProvider>
              ) : null}
              {problem?.sessionEnded ? (
                <div id="session-ended" className="notice">
                  <p id="session-ended-text">{problem.text}</p>
                  <button id="restart" type="button" className="secondary" onClick={() => window.location.reload()}>
                    Start a new checkout
                  </button>
                </div>
              ) : null}
              <p className="fine-print">
                Your card is entered in a secure frame and goes straight to our payment vault. Kestrel Coffee never sees or stores your card number.
              </p>
            </div>
          )}
        </section>
        <aside className="panel summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Order summary</h2>
          <dl className="totals">
            <div className="grand">
              <dt>Total</dt>
              <dd>€56.90</dd>
            </div>
          </dl>
        </aside>
      </main>
      <footer className="footer">
        <span>Kestrel Coffee — a Cardframe demo shop, built with React.</span>
        <nav className="demo-nav" aria-label="Other demo checkouts">
          {DEMO_PAGES.map((page) => (
            <a key={page.href} href={page.href} aria-current={page.href === '/react.html' ? 'page' : undefined}>
              {page.label}
            </a>
          ))}
        </nav>
      </footer>
    </>
  );
}

interface PayFormProps {
  problem: Problem | null;
  setProblem: (problem: Problem | null) => void;
  onPaid: (paid: PaidCard) => void;
}

/** The card frame and the Pay button; inside the provider, so it can submit. */
function PayForm({ problem, setProblem, onPaid }: PayFormProps): ReactNode {
  const { submit, submitting } = useSubmit();
  const [ready, setReady] = useState(false);
  const [complete, setComplete] = useState(false);
  const [paying, setPaying] = useState(false);
  const busy = submitting || paying;

  const payNow = async (): Promise<void> => {
    if (!complete || busy) return;
    setProblem(null);
    setPaying(true);
    // submit() never rejects: a failure resolves as { error } and has already reached onError.
    const outcome = await submit();
    if (outcome.tokenId) {
      try {
        onPaid(await pay(outcome.tokenId));
        return;
      } catch (error) {
        const { code, message } = error as ShopApiError;
        setProblem({ text: shopperMessage(code, message), sessionEnded: false });
      }
    }
    setPaying(false);
  };

  return (
    <>
      <div id="card" className="card-slot" aria-busy={!ready}>
        <CardElement
          options={{ style: FRAME_STYLES.light, showCardholderName: false, placeholder: { number: '1234 1234 1234 1234' } }}
          onReady={() => setReady(true)}
          onChange={(state: CardState) => setComplete(state.complete)}
          onSubmit={() => void payNow()}
        />
      </div>
      <p id="card-error" className="error" role="alert">
        {problem && !problem.sessionEnded ? problem.text : ''}
      </p>
      <button id="pay-button" className={busy ? 'pay busy' : 'pay'} type="button" disabled={!complete || busy} aria-busy={busy} onClick={() => void payNow()}>
        <span className="spinner" aria-hidden="true" />
        <span className="pay-label">
          Pay <span className="amount">€56.90</span>
        </span>
      </button>
      <p id="pay-hint" className="hint">
        {complete ? '' : 'Enter your card details to pay.'}
      </p>
    </>
  );
}

function Receipt({ paid }: { paid: PaidCard }): ReactNode {
  return (
    <div id="view-success">
      <h1 id="success-heading">Payment confirmed</h1>
      <p className="lead">Thanks, Ada. Order KC-1042 is being roasted and ships tomorrow.</p>
      <dl className="receipt">
        <div>
          <dt>Card</dt>
          <dd>
            <span id="paid-scheme" className="scheme-pill">
              {SCHEME_NAMES[paid.card.scheme] ?? paid.card.scheme}
            </span>{' '}
            <span id="paid-card" className="mono">
              {paid.card.maskedNumber}
            </span>
          </dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd id="paid-expiry" className="mono">
            {`${String(paid.card.expiryMonth).padStart(2, '0')} / ${paid.card.expiryYear}`}
          </dd>
        </div>
        <div>
          <dt>Token</dt>
          <dd>
            <code id="paid-token">{paid.tokenId}</code>
          </dd>
        </div>
      </dl>
      <p className="fine-print">
        The shop's server read this card back from the vault with its own API key. It keeps only the token; the card number stays in the vault.
      </p>
    </div>
  );
}
