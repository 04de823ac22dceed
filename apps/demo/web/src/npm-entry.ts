import { init } from '@cardframe/sdk';
import './checkout.css';
import { runCheckout } from './run-checkout.ts';

// The npm integration: `init` is bundled into this page's own script; no third-party script tag.
void runCheckout(init, document.getElementById('app')!);
