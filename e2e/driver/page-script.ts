import type { PageFunction } from './types.ts';

/**
 * The source every adapter sends to the page for `fn(arg)`: an expression whose value (awaited)
 * is the result. Sending source text rather than a function keeps the three engines' serialisers
 * out of it, and `__name` covers the helper some TypeScript loaders (esbuild's keepNames, used by
 * tsx) wrap around named functions.
 */
export function pageExpression<A, R>(fn: PageFunction<A, R>, arg: A): string {
  const argument = arg === undefined ? 'undefined' : JSON.stringify(arg);
  return `(async () => { const __name = (f) => f; return (${fn.toString()})(${argument}); })()`;
}

/** Key names of the interface, as each protocol spells them. */
export const WEBDRIVER_KEYS: Record<string, string> = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Shift: '\uE008',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

/** 'Shift+Tab' → ['Shift', 'Tab']; a single character stays itself. */
export function splitChord(key: string): string[] {
  return key.length > 1 && key.includes('+') ? key.split('+') : [key];
}
