import { init } from './init.ts';
import { version } from './version.ts';

declare global {
  interface Window {
    Cardframe: Readonly<{ init: typeof init; version: string }>;
  }
}

// The script-tag entry: its one side effect is the frozen global.
window.Cardframe = Object.freeze({ init, version });
