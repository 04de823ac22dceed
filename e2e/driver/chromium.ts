import { chromium, type BrowserContext, type Frame, type Page } from 'playwright';
import { chromiumArgs, chromiumExecutablePath } from '../../tools/chromium.ts';
import { centreInTopViewport, locateBox } from './in-page.ts';
import { pageExpression } from './page-script.ts';
import { VIEWPORT } from './viewport.ts';
import type { Capability, EngineBrowser, FramePath, PageFunction, RequestGate, SeenRequest, Tab } from './types.ts';

const CAPABILITIES: ReadonlySet<Capability> = new Set(['init-script', 'network', 'intercept', 'console']);

/** Chromium (Debian's) through Playwright's own protocol. */
export async function launchChromium(): Promise<EngineBrowser> {
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: [...chromiumArgs], headless: true });
  return {
    engine: 'chromium',
    async newTab() {
      const context = await browser.newContext({ viewport: VIEWPORT });
      return chromiumTab(context, await context.newPage(), true);
    },
    async version() {
      return `Chromium ${browser.version()}`;
    },
    close: () => browser.close(),
  };
}

export async function chromiumFrame(page: Page, path: FramePath): Promise<Frame> {
  let frame = page.mainFrame();
  for (const selector of path) {
    const handle = await frame.waitForSelector(selector, { state: 'attached' });
    const inner = await handle.contentFrame();
    if (!inner) throw new Error(`${selector} is not an iframe with a document`);
    frame = inner;
  }
  return frame;
}

function chromiumTab(context: BrowserContext, page: Page, ownsContext: boolean): Tab {
  const seen: SeenRequest[] = [];
  const consoleLines: string[] = [];
  page.on('request', (request) =>
    seen.push({ method: request.method(), url: request.url(), body: request.postData() ?? undefined, fromTop: request.frame() === page.mainFrame() }),
  );
  page.on('console', (message) => consoleLines.push(`${message.type()} ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror ${error.message}`));

  const tab: Tab = {
    engine: 'chromium',
    async goto(url) {
      await page.goto(url);
    },
    async url() {
      return page.url();
    },
    async evaluate<A, R>(fn: PageFunction<A, R>, arg: A, frame: FramePath = []) {
      return (await (await chromiumFrame(page, frame)).evaluate(pageExpression(fn, arg))) as R;
    },
    async click(selector, frame = []) {
      const { x, y } = await centreInTopViewport((target, path) => tab.evaluate(locateBox, target, path), selector, frame);
      await page.mouse.click(x, y);
    },
    async press(key) {
      await page.keyboard.press(key);
    },
    async type(text) {
      await page.keyboard.type(text, { delay: 5 });
    },
    async screenshot(path) {
      await page.screenshot({ path, fullPage: true });
    },
    async popup(opener) {
      const [opened] = await Promise.all([context.waitForEvent('page'), opener()]);
      await opened.waitForLoadState('domcontentloaded');
      return chromiumTab(context, opened, false);
    },
    has: (capability) => CAPABILITIES.has(capability),
    async addInitScript(fn, arg) {
      await page.addInitScript(pageExpression(fn, arg));
    },
    requests: () => [...seen],
    consoleMessages: () => [...consoleLines],
    async hold(urlPart) {
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(
        (url) => url.href.includes(urlPart),
        async (route) => {
          await released;
          await route.continue();
        },
      );
      return { release } satisfies RequestGate;
    },
    async fulfillJson(url, json) {
      await page.route(url, (route) => route.fulfill({ json }));
    },
    async close() {
      if (ownsContext) await context.close();
      else await page.close();
    },
  };
  return tab;
}
