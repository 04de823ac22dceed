import { afterEach, describe, expect, test } from 'vitest';
import { requestSessionEarly, type EarlySessionWindow } from './early-session.ts';

const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
let meta: HTMLMetaElement | undefined;

afterEach(() => meta?.remove());

/** A window as the inline script sees it: this document's allowlist meta, a fragment, a parent, and a recording fetch. */
function frameWindow(hash: string, { allowed = 'https://shop.test', nested = true } = {}) {
  meta?.remove();
  meta = document.createElement('meta');
  meta.name = 'cardframe-allowed-origins';
  meta.content = allowed;
  document.head.append(meta);
  const requests: [string, RequestInit | undefined][] = [];
  const win = {
    location: { hash },
    document,
    fetch: (input: string, init?: RequestInit) => {
      requests.push([input, init]);
      return Promise.resolve(Response.json({}));
    },
  } as unknown as EarlySessionWindow;
  // The merchant page, or none: a top-level document is its own parent.
  Object.assign(win, { parent: nested ? {} : win });
  return { win, requests };
}

describe('requestSessionEarly (card.html inline script)', () => {
  test("asks for the fragment's session as session-client.ts does, and leaves the response for the frame", async () => {
    const { win, requests } = frameWindow(`#session=${SESSION.toUpperCase()}&origin=https%3A%2F%2Fshop.test&channel=c`);
    requestSessionEarly(win);
    expect(requests).toEqual([[`/api/sessions/${SESSION}`, { credentials: 'omit', cache: 'no-store' }]]);
    expect(win.cardframeEarlySession?.id).toBe(SESSION);
    await expect(win.cardframeEarlySession?.response).resolves.toBeInstanceOf(Response);
  });

  test.each([
    ['a session id that could leave its path segment', `#session=${'../'.repeat(12)}&origin=https%3A%2F%2Fshop.test`, {}],
    ['a session id of another length', `#session=${SESSION}0&origin=https%3A%2F%2Fshop.test`, {}],
    ['no session', '#origin=https%3A%2F%2Fshop.test', {}],
    ['a parent origin the vault does not allow', `#session=${SESSION}&origin=https%3A%2F%2Fevil.test`, {}],
    ['no parent origin, with an empty allowlist', `#session=${SESSION}`, { allowed: '' }],
    ['a top-level document', `#session=${SESSION}&origin=https%3A%2F%2Fshop.test`, { nested: false }],
  ])('sends nothing for %s', (_what, hash, options) => {
    const { win, requests } = frameWindow(hash, options);
    requestSessionEarly(win);
    expect(requests).toEqual([]);
    expect(win.cardframeEarlySession).toBeUndefined();
  });

  test('a failed request is not an unhandled rejection before the frame reads it', async () => {
    const { win } = frameWindow(`#session=${SESSION}&origin=https%3A%2F%2Fshop.test`);
    win.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const unhandled: unknown[] = [];
    const record = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', record);
    requestSessionEarly(win);
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.removeEventListener('unhandledrejection', record);
    expect(unhandled).toEqual([]);
    await expect(win.cardframeEarlySession?.response).rejects.toThrow('Failed to fetch');
  });
});
