import { Hellgate } from './index.ts';

declare global {
  interface Window {
    Hellgate: typeof Hellgate;
  }
}

// The script-tag entry, as Hellgate's CDN script: its one side effect is the frozen global `Hellgate`.
// Its types (dist/global.d.ts, export ./hellgate.js) declare that global for pages that load the script.
window.Hellgate = Hellgate;
