import type { init } from '@cardframe/sdk';
import './checkout.css';
import { runCheckout } from './run-checkout.ts';

// The script-tag integration: the SDK arrives as the global `Cardframe` from the vault's
// `<script integrity=…>` tag that precedes this module (both are deferred, so order holds).
const global = (window as unknown as { Cardframe?: { init: typeof init } }).Cardframe;
const root = document.getElementById('app')!;
if (global) {
  void runCheckout(global.init, root);
} else {
  root.textContent = 'The secure payment script did not load. Please reload the page.';
}
