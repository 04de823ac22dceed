import puppeteer, { type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { centreInTopViewport, locateBox } from './in-page.ts';
import { pageExpression, splitChord } from './page-script.ts';
import type { Capability, EngineBrowser, FramePath, LaunchOptions, PageFunction, SeenRequest, Tab } from './types.ts';
import { VIEWPORT } from './viewport.ts';

const CAPABILITIES: ReadonlySet<Capability> = new Set(['init-script', 'network', 'intercept', 'console']);
export const firefoxExecutablePath = process.env.CARDFRAME_FIREFOX ?? '/usr/bin/firefox-esr';

/** Firefox ESR through puppeteer-core over WebDriver BiDi (Playwright's Firefox needs its own build). */
export async function launchFirefox({ observeNetwork = true }: LaunchOptions = {}): Promise<EngineBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxExecutablePath,
    headless: true,
    defaultViewport: VIEWPORT,
    protocolTimeout: 60_000,
    // Off, Puppeteer does not subscribe to BiDi's network events, which Firefox builds and sends for
    // every request: 13–17 ms over the card frame's six in the mount bench (ADR 0042).
    networkEnabled: observeNetwork,
  });
  const capabilities = observeNetwork ? CAPABILITIES : new Set([...CAPABILITIES].filter((c) => c !== 'network' && c !== 'intercept'));
  return {
    engine: 'firefox',
    async newTab() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return firefoxTab(page, () => context.close(), capabilities);
    },
    async version() {
      return browser.version();
    },
    close: () => browser.close(),
  };
}

async function frameAt(page: Page, path: FramePath): Promise<Frame> {
  let frame = page.mainFrame();
  for (const selector of path) {
    const handle = await frame.waitForSelector(selector);
    const inner = await handle?.contentFrame();
    if (!inner) throw new Error(`${selector} is not an iframe with a document`);
    frame = inner;
  }
  return frame;
}

/** Puppeteer's BiDi mode does not expose request bodies for every request; an absent body is undefined. */
function postData(request: HTTPRequest): string | undefined {
  try {
    return request.postData();
  } catch {
    return undefined;
  }
}

function firefoxTab(page: Page, closeAll: () => Promise<void>, capabilities: ReadonlySet<Capability>): Tab {
  const seen: SeenRequest[] = [];
  const consoleLines: string[] = [];
  /** Request handlers in order; the first that claims a request answers it. With none, requests go on. */
  const interceptors: ((request: HTTPRequest) => Promise<boolean>)[] = [];
  page.on('request', (request) => {
    seen.push({ method: request.method(), url: request.url(), body: postData(request), fromTop: request.frame() === page.mainFrame() });
  });
  page.on('console', (message) => consoleLines.push(`${message.type()} ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror ${error instanceof Error ? error.message : String(error)}`));

  let intercepting = false;
  const intercept = async (handler: (request: HTTPRequest) => Promise<boolean>) => {
    if (!capabilities.has('intercept')) throw new Error('this Firefox was launched with observeNetwork: false');
    interceptors.push(handler);
    if (intercepting) return;
    intercepting = true;
    await page.setRequestInterception(true);
    page.on('request', async (request) => {
      for (const claim of interceptors) if (await claim(request)) return;
      await request.continue();
    });
  };

  const tab: Tab = {
    engine: 'firefox',
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async url() {
      return page.url();
    },
    async evaluate<A, R>(fn: PageFunction<A, R>, arg: A, frame: FramePath = []) {
      return (await (await frameAt(page, frame)).evaluate(pageExpression(fn, arg))) as R;
    },
    async click(selector, frame = []) {
      const { x, y } = await centreInTopViewport((target, path) => tab.evaluate(locateBox, target, path), selector, frame);
      await page.mouse.click(x, y);
    },
    async press(key) {
      const keys = splitChord(key) as Parameters<Page['keyboard']['press']>[0][];
      for (const held of keys.slice(0, -1)) await page.keyboard.down(held);
      await page.keyboard.press(keys.at(-1)!);
      for (const held of keys.slice(0, -1).reverse()) await page.keyboard.up(held);
    },
    async type(text) {
      await page.keyboard.type(text, { delay: 5 });
    },
    async screenshot(path) {
      await page.screenshot({ path: path as `${string}.png`, fullPage: true });
    },
    async popup(opener) {
      const opened = new Promise<Page | null>((resolve) => page.once('popup', resolve));
      await opener();
      const popup = await opened;
      if (!popup) throw new Error('the page opened no window');
      return firefoxTab(popup, () => popup.close(), capabilities);
    },
    has: (capability) => capabilities.has(capability),
    async addInitScript(fn, arg) {
      await page.evaluateOnNewDocument(pageExpression(fn, arg));
    },
    requests: () => {
      if (!capabilities.has('network')) throw new Error('this Firefox was launched with observeNetwork: false');
      return [...seen];
    },
    consoleMessages: () => [...consoleLines],
    async hold(urlPart) {
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      await intercept(async (request) => {
        if (!request.url().includes(urlPart)) return false;
        await released;
        await request.continue();
        return true;
      });
      return { release };
    },
    async fulfillJson(url, json) {
      await intercept(async (request) => {
        if (request.url() !== url) return false;
        await request.respond({ status: 200, contentType: 'application/json', body: JSON.stringify(json) });
        return true;
      });
    },
    close: closeAll,
  };
  return tab;
}
