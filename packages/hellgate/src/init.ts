import { init as initCardframe } from '@cardframe/sdk';
import { createCardHandler } from './card-handler.ts';
import { HellgateError, unsupported } from './hellgate-error.ts';
import type { CardHandler, Client, InitOptions, PaymentMethod, SessionResult } from './types.ts';

const NO_3DS = 'Cardframe tokenizes cards and has no 3-D Secure; authenticate the payment with your processor';

/**
 * `Hellgate.init(sessionId, { base_url })`: a client for one session the merchant server created at the
 * vault (`POST /api/pci/tokens` with a `session` source). `base_url` is the vault; its origin serves the
 * frames and the session routes. The session id is checked here; whether the session still exists is
 * the frame's to find out when it loads, and `mount()` rejects with SESSION_NOT_FOUND or SESSION_EXPIRED.
 */
export async function init(sessionId: string, options?: InitOptions): Promise<Client> {
  if (options?.challenge_3ds_container !== undefined || options?.challenge_3ds_label_text !== undefined) {
    throw unsupported('challenge_3ds_container', NO_3DS);
  }
  if (typeof options?.base_url !== 'string') {
    // Hellgate defaults to its own API; a Cardframe vault has no default address.
    throw new HellgateError('INVALID_OPTIONS', "base_url is required: the vault's URL, e.g. https://vault.example");
  }
  const extra = Object.keys(options).find((key) => !['base_url', 'challenge_3ds_container', 'challenge_3ds_label_text'].includes(key));
  if (extra !== undefined) throw new HellgateError('INVALID_OPTIONS', `unknown option "${extra.slice(0, 40)}"`);
  // Rejects with CardframeError INVALID_OPTIONS for a malformed session id or base_url.
  const cardframe = await initCardframe(sessionId, { baseUrl: options.base_url });
  const completed = new Set<(result: SessionResult) => void>();
  const handler = createCardHandler(cardframe, (result) => {
    for (const listener of [...completed]) {
      try {
        listener(result);
      } catch (error) {
        // A merchant handler's bug must not turn a paid card into a failed process().
        setTimeout(() => {
          throw error;
        });
      }
    }
  });
  return Object.freeze({
    use(type: PaymentMethod): CardHandler {
      if (type === 'CARD') return handler;
      if (type === '3DS') throw unsupported("use('3DS')", NO_3DS);
      throw new HellgateError('INVALID_OPTIONS', `unknown payment method "${String(type).slice(0, 40)}"`);
    },
    onSessionComplete(listener: (result: SessionResult) => void) {
      if (typeof listener !== 'function') throw new HellgateError('INVALID_OPTIONS', 'onSessionComplete: not a function');
      completed.add(listener);
    },
  });
}
