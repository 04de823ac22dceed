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
  /** The session id, lower-cased as parseFrameParams does. */
  id: string;
  response: Promise<Response>;
}

/** The frame window with the one property the inline script sets. */
export type EarlySessionWindow = Window & { cardframeEarlySession?: EarlySession };

/** Same as SESSION_ID in @cardframe/protocol's frame-url.ts (a UUID), lower case. */
const SESSION = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

export function requestSessionEarly(win: EarlySessionWindow): void {
  const params = new URLSearchParams(win.location.hash.slice(1));
  const id = (params.get('session') ?? '').toLowerCase();
  const origin = params.get('origin');
  const allowed = (win.document.querySelector('meta[name="cardframe-allowed-origins"]')?.getAttribute('content') ?? '').split(/\s+/);
  if (!SESSION.test(id) || !origin || !allowed.includes(origin) || win.parent === win) return;
  // The options session-client.ts sends: no cookies, no cache, no referrer; the id is the only credential.
  const response = win.fetch(`/api/sessions/${id}`, {
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    headers: { accept: 'application/json' },
  });
  // A network failure is the frame's to report, when it reads this; until then it is not unhandled.
  response.catch(() => {});
  win.cardframeEarlySession = { id, response };
}
