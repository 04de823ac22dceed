import type { BrowserCommand } from 'vitest/node';
import { chromiumBrowserMode } from './vitest-browser.ts';
import type { TestProject } from 'vitest/node';
import { createTestSession, freePort, readTestToken, testVaultOf } from './test-vault.ts';

/**
 * Browser commands (run in Node, called from the test page) for tests against the real vault:
 * where the vault is, create a session, read a token back, and type into a field of a card frame
 * the way a shopper does (Playwright keystrokes into the cross-origin iframe, which the test page
 * itself cannot reach into).
 */
const pagePort = (project: TestProject): number => Number(project.config.api.port);
const commands: Record<string, BrowserCommand<any[]>> = {
  vaultUrl: ({ project }) => testVaultOf(pagePort(project)).url,
  createSession: ({ project }) => createTestSession(pagePort(project)),
  readToken: ({ project }, tokenId: string) => readTestToken(pagePort(project), tokenId),
  typeInFrame: async (context, frameSelector: string, inputSelector: string, text: string) => {
    await context.iframe.frameLocator(frameSelector).locator(inputSelector).pressSequentially(text);
  },
};

/**
 * Vitest browser mode for a package tested against the real vault: the test page is served on a
 * free port at `localhost`, the vault at `127.0.0.1` (another site) allowing exactly the page's
 * origin. The port is picked when the config loads and handed to the global setup through the
 * project's resolved `api.port`.
 */
export async function vaultBrowserProject(name: string) {
  // Vitest loads a project's config more than once: the port is picked once per process and name.
  const key = `CARDFRAME_TEST_PAGE_PORT_${name.toUpperCase()}`;
  const port = Number(process.env[key]) || (await freePort());
  process.env[key] = String(port);
  return {
    name,
    globalSetup: [new URL('./test-vault-setup.ts', import.meta.url).pathname],
    // Vitest 5 moved the browser server's address from `browser.api` to the project's `api`
    // (`browser.api` is deprecated and no longer typed); giving it binds the port at startup,
    // so the vault's allowed origin is known before the first browser launches.
    api: { port, strictPort: true, host: 'localhost' },
    browser: { ...chromiumBrowserMode(), commands },
  };
}
