import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { remote } from 'webdriverio';
import { centreInTopViewport, locateBox } from './in-page.ts';
import { freePort } from './free-port.ts';
import { pageExpression, splitChord, WEBDRIVER_KEYS } from './page-script.ts';
import type { EngineBrowser, FramePath, PageFunction, Tab } from './types.ts';
import { VIEWPORT } from './viewport.ts';

// switchToFrame is classic WebDriver's own frame command (webdriverio's newer switchFrame prefers BiDi,
// which WebKitWebDriver lacks), so its deprecation notice is noise here.
process.env.DISABLE_WEBDRIVERIO_DEPRECATION_WARNINGS ??= 'true';

export const webkitDriverPath = process.env.CARDFRAME_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const miniBrowserPath = process.env.CARDFRAME_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const xvfbPath = '/usr/bin/Xvfb';

type Session = WebdriverIO.Browser;
type ElementRef = Record<string, string>;

/** Starts Xvfb on the first free display and resolves with its number (Xvfb writes it to fd 3). */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const xvfb = spawn(xvfbPath, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    xvfb.stderr!.on('data', (chunk: Buffer) => (errors += chunk));
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors.trim()}`)));
    let out = '';
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      out += chunk;
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, process: xvfb });
    });
  });
}

async function waitForDriver(port: number, driver: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    const up = await fetch(`http://127.0.0.1:${port}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not answer on /status');
}

/**
 * WebKitGTK (MiniBrowser) through webdriverio over classic WebDriver, on a private Xvfb display.
 * WebKitWebDriver holds one session at a time, so each tab is a new session (a fresh browser
 * profile) that replaces the last: one worker, one tab at a time.
 */
export async function launchWebKit(): Promise<EngineBrowser> {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn(webkitDriverPath, [`--port=${port}`, '--host=127.0.0.1', '--replace-on-new-session'], {
    env: { ...process.env, DISPLAY: xvfb.display },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // The driver's last words, for the error when a session will not start.
  let driverLog = '';
  driver.stderr!.on('data', (chunk: Buffer) => (driverLog = (driverLog + chunk).slice(-2000)));
  let session: Session | undefined;
  try {
    await waitForDriver(port, driver);
  } catch (error) {
    driver.kill();
    xvfb.process.kill();
    throw error;
  }
  const endSession = async () => {
    const ending = session;
    session = undefined;
    // A session that does not end in time is replaced anyway (--replace-on-new-session).
    if (ending) await withTimeout(ending.deleteSession(), 5000, 'ending the last session').catch(() => undefined);
  };
  const startSession = () =>
    remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryTimeout: 20_000,
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    });
  return {
    engine: 'webkit',
    async newTab() {
      await endSession();
      // MiniBrowser now and then does not come up on a loaded machine: one more try, then say why.
      for (let attempt = 1; !session; attempt++) {
        try {
          session = await withTimeout(startSession(), 25_000, 'starting a MiniBrowser session');
        } catch (error) {
          if (attempt >= 2) throw new Error(`WebKit: ${(error as Error).message}; WebKitWebDriver said: ${driverLog.trim() || 'nothing'}`);
        }
      }
      await session.setWindowRect(0, 0, VIEWPORT.width, VIEWPORT.height);
      const windows = new WindowSwitch(session);
      windows.current = await session.getWindowHandle();
      return webkitTab(session, windows, windows.current, endSession);
    },
    async version() {
      const caps = (session?.capabilities ?? {}) as { browserVersion?: string };
      return `WebKitGTK ${caps.browserVersion ?? ''}`.trim();
    },
    async close() {
      await endSession();
      driver.kill('SIGTERM');
      xvfb.process.removeAllListeners('exit');
      xvfb.process.kill('SIGTERM');
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Classic WebDriver has one current window per session; tabs that share a session switch first. */
class WindowSwitch {
  current = '';
  constructor(private readonly session: Session) {}
  async to(handle: string): Promise<void> {
    if (this.current === handle) return;
    await this.session.switchToWindow(handle);
    this.current = handle;
  }
}

function webkitTab(session: Session, windows: WindowSwitch, handle: string, endSession: () => Promise<void>): Tab {
  const unsupported = (what: string) => {
    throw new Error(`${what} is not available in WebKit over classic WebDriver`);
  };

  /** Makes `path` the current browsing context, waiting for each iframe to be attached. */
  const enter = async (path: FramePath) => {
    await windows.to(handle);
    await session.switchToFrame(null);
    for (const selector of path) {
      let ref: ElementRef | undefined;
      for (let i = 0; ; i++) {
        ref = await session.findElement('css selector', selector).catch(() => undefined);
        if (ref && !('error' in ref)) break;
        if (i > 100) throw new Error(`no iframe matches ${selector}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await session.switchToFrame(ref as never);
    }
  };

  const keyActions = async (keys: string[]) => {
    const codes = keys.map((k) => WEBDRIVER_KEYS[k] ?? k);
    const actions = [...codes.map((value) => ({ type: 'keyDown', value })), ...codes.reverse().map((value) => ({ type: 'keyUp', value }))];
    await session.performActions([{ type: 'key', id: 'keyboard', actions }]);
  };

  const tab: Tab = {
    engine: 'webkit',
    async goto(url) {
      await windows.to(handle);
      await session.navigateTo(url);
    },
    async url() {
      await windows.to(handle);
      return session.getUrl();
    },
    async evaluate<A, R>(fn: PageFunction<A, R>, arg: A, frame: FramePath = []) {
      await enter(frame);
      try {
        return (await session.executeScript(`return ${pageExpression(fn, arg)};`, [])) as R;
      } finally {
        if (frame.length) await session.switchToFrame(null);
      }
    },
    async click(selector, frame = []) {
      const { x, y } = await centreInTopViewport((target, path) => tab.evaluate(locateBox, target, path), selector, frame);
      await enter([]);
      await session.performActions([
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', duration: 0, origin: 'viewport', x, y },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ]);
      await session.releaseActions();
    },
    async press(key) {
      await windows.to(handle);
      await keyActions(splitChord(key));
    },
    async type(text) {
      await windows.to(handle);
      for (const char of text) await keyActions([char]);
    },
    async screenshot(path) {
      await enter([]);
      await writeFile(path, Buffer.from(await session.takeScreenshot(), 'base64'));
    },
    async popup(opener) {
      await windows.to(handle);
      const before = new Set(await session.getWindowHandles());
      await opener();
      for (let i = 0; i < 100; i++) {
        const opened = (await session.getWindowHandles()).find((h) => !before.has(h));
        if (opened) return webkitTab(session, windows, opened, async () => undefined);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the page opened no window');
    },
    has: () => false,
    addInitScript: async () => unsupported('an init script'),
    requests: () => unsupported('the request log'),
    consoleMessages: () => unsupported('the console'),
    hold: async () => unsupported('request interception'),
    fulfillJson: async () => unsupported('request interception'),
    close: endSession,
  };
  return tab;
}
