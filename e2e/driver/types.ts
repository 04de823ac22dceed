/**
 * The one interface every e2e flow is written against. Each engine has one adapter:
 * Chromium through Playwright, Firefox ESR through puppeteer-core over WebDriver BiDi, and
 * WebKitGTK through webdriverio over classic WebDriver (docs/decisions/0007).
 *
 * Flows act like a shopper: a real pointer press on what they click, keyboard input into
 * whatever has focus, and reading what the page shows. Nothing here reaches into an engine's
 * private protocol; what only some engines can do is a named capability a flow asks for.
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit';
export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/**
 * What some engines' automation can do and others cannot.
 *  - `init-script`: run a script in every new document before the page's own (recorders)
 *  - `network`: observe the requests the page sends (URL, method, body, frame)
 *  - `intercept`: hold or answer a request from the runner
 *  - `console`: read the page's console messages, including the browser's own (CSP refusals)
 */
export type Capability = 'init-script' | 'network' | 'intercept' | 'console';

/** Which document a call works in: [] is the top page; each entry selects an iframe inside the previous. */
export type FramePath = readonly string[];

/** A function that runs in the page: serialised, so it must not close over runner variables. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface SeenRequest {
  method: string;
  url: string;
  /** Request body, when the engine exposes it. */
  body?: string;
  /** True when the top document sent it (not one of its iframes). */
  fromTop: boolean;
}

export interface RequestGate {
  /** Lets the held requests (and any later match) through. */
  release(): void;
}

export interface Tab {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  /** The top document's URL. */
  url(): Promise<string>;
  /** Runs fn(arg) in the document at `frame` and returns its (JSON-serialisable) result. */
  evaluate<A, R>(fn: PageFunction<A, R>, arg: A, frame?: FramePath): Promise<R>;
  /** Presses the pointer on the centre of the first element matching `selector` (CSS; open shadow roots are searched too). */
  click(selector: string, frame?: FramePath): Promise<void>;
  /** Presses keys on whatever has focus: 'Tab', 'Enter', 'Escape', 'Backspace', 'Shift+Tab', or one character. */
  press(key: string): Promise<void>;
  /** Types text key by key into whatever has focus. */
  type(text: string): Promise<void>;
  /** Saves a PNG of the page (full page where the engine can, else the viewport). */
  screenshot(path: string): Promise<void>;
  /**
   * Runs `opener` (which makes the page call window.open) and returns the window it opened.
   * The popup shares the browser with this tab; closing this tab closes both.
   */
  popup(opener: () => Promise<void>): Promise<Tab>;

  // Capabilities (see `has`): calling one the engine lacks throws.
  has(capability: Capability): boolean;
  addInitScript<A>(fn: PageFunction<A, void>, arg: A): Promise<void>;
  requests(): SeenRequest[];
  consoleMessages(): string[];
  /** Holds every request whose URL contains `urlPart` until released. */
  hold(urlPart: string): Promise<RequestGate>;
  /** Answers every request whose URL equals `url` with this JSON, without reaching the server. */
  fulfillJson(url: string, json: unknown): Promise<void>;
  close(): Promise<void>;
}

/** One running browser of one engine; a worker keeps one and opens a fresh tab per test. */
export interface LaunchOptions {
  /**
   * Whether flows may observe and intercept requests (`network`, `intercept`); default true. A
   * benchmark that needs neither turns it off where observing costs the browser time (Firefox's
   * BiDi network events), so it measures the page and not the automation.
   */
  observeNetwork?: boolean;
}

export interface EngineBrowser {
  readonly engine: EngineName;
  /** A new tab in a fresh profile or context: no cookies, storage or cache from other tests. */
  newTab(): Promise<Tab>;
  /** The engine's version string, for the report. */
  version(): Promise<string>;
  close(): Promise<void>;
}
