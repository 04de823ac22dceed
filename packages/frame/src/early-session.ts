/**
 * The frame document's only inline script (ADR 0042). vite.config.ts compiles this file on its
 * own and writes it into card.html as a bare `<script>`, and the vault allows exactly that
 * script by its hash in the frame's CSP (`script-src 'self' 'sha256-…'`).
 *
 * It starts the session request while the HTML is still being parsed, so the request overlaps
 * the download and compile of the frame's modules. Otherwise the request would wait for them
 * (session-client.ts sends it from the entry module), and that wait is the longest step between
 * the frame document and `ready` in every engine. The request is the same one session-client.ts
 * would send. It goes out only for a well-formed session in a frame that the vault's allowlist
 * admits, and is nested in a page. start-frame.ts uses the response only if the fragment passes
 * its own checks and names the same session. Anything else is left unread, and the frame sends
 * its own request as before.
 *
 * Self-contained on purpose: it runs alone, before any module, so it imports nothing.
 */

/** The request in flight, as the inline script leaves it on the frame's window. */
export interface EarlySession {
  /** The session id, lower-cased as parseFrameParams does (start-frame.ts compares the two). */
  id: string;
  response: Promise<Response>;
}

/** The frame window with the one property the inline script sets. */
export type EarlySessionWindow = Window & { cardframeEarlySession?: EarlySession };

/**
 * A session id's characters, lower case: enough to keep the id inside the path segment it fills.
 * parseFrameParams (frame-url.ts) checks the exact UUID shape before the frame uses the response.
 * Every byte here is in the split-field frames' 25 KB budget.
 */
const SESSION = /^[\da-f-]{36}$/;

export function requestSessionEarly(win: EarlySessionWindow): void {
  const params = new URLSearchParams(win.location.hash.slice(1));
  const id = String(params.get('session')).toLowerCase();
  const origin = params.get('origin');
  const allowed = win.document.querySelector<HTMLMetaElement>('meta[name=cardframe-allowed-origins]')!.content.split(' ');
  if (!SESSION.test(id) || !origin || !allowed.includes(origin) || win.parent === win) return;
  // As session-client.ts asks: no cookies, no cache. (No referrer either: the document's policy is no-referrer.)
  const response = win.fetch(`/api/sessions/${id}`, { credentials: 'omit', cache: 'no-store' });
  // A network failure is the frame's to report, when it reads this; until then it is not unhandled.
  response.catch(() => {});
  win.cardframeEarlySession = { id, response };
}
