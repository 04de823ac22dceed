import type { CardElementOptions, FieldName } from './card-options.ts';
import type { CardState } from './card-state.ts';
import type { CardframeErrorData } from './errors.ts';

/**
 * The merchant page ↔ card frame boundary.
 *
 * 1. The frame posts one {@link HelloMessage} to `window.parent`, with the parent's exact
 *    origin (from the fragment) as target.
 * 2. The SDK checks `event.origin` (the vault origin) and `event.source` (its own iframe's
 *    window) and the channel, then posts one {@link ConnectMessage} to the iframe with the
 *    exact vault origin as target, transferring two ports: `[rpc, events]`.
 * 3. The frame accepts it only if `event.source === window.parent` and `event.origin` is the
 *    fragment's origin and one of the vault's allowed origins; then it removes its window
 *    listener. From here on, nothing travels through `window.postMessage`.
 *
 * On the `rpc` port the SDK calls {@link CardFrameApi} in comlink's wire format; the frame serves only
 * {@link CARD_FRAME_METHODS} behind an allowlist. On the `events` port the frame posts
 * {@link FrameEvent}s; the merchant page never exposes anything to the frame.
 */
export const BRIDGE_VERSION = 1;

export interface HelloMessage {
  type: 'cardframe:hello';
  version: typeof BRIDGE_VERSION;
  channel: string;
}

export interface ConnectMessage {
  type: 'cardframe:connect';
  version: typeof BRIDGE_VERSION;
  channel: string;
}

function hasShape(data: unknown, type: string, channel: string): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return message.type === type && message.version === BRIDGE_VERSION && message.channel === channel && Object.keys(message).length === 3;
}

export function isHelloMessage(data: unknown, channel: string): data is HelloMessage {
  return helloVersion(data, channel) === BRIDGE_VERSION;
}

export function isConnectMessage(data: unknown, channel: string): data is ConnectMessage {
  return hasShape(data, 'cardframe:connect', channel);
}

/**
 * The version a hello for `channel` claims, or undefined when the message is not such a hello.
 * A hello of our version must have exactly the documented shape; one of another version may
 * carry more (a later release's fields), as long as its version is a positive integer. The SDK
 * checks source, origin and channel first, so a hello of another version comes from its own
 * frame: it fails the mount with VERSION_MISMATCH at once instead of ignoring the hello and
 * timing out.
 */
export function helloVersion(data: unknown, channel: string): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, version, channel: claimed } = data as Record<string, unknown>;
  if (type !== 'cardframe:hello' || claimed !== channel || !Number.isInteger(version) || (version as number) < 1) return undefined;
  return version !== BRIDGE_VERSION || Object.keys(data).length === 3 ? (version as number) : undefined;
}

/** What `submit()` resolves to across the bridge: the token id and nothing else. */
export interface SubmitResult {
  tokenId: string;
}

/**
 * The frame's remote API. Every method's argument is validated inside the frame; a
 * rejection carries a {@link CardframeErrorData} (`{code, message}`), never card data.
 */
export interface CardFrameApi {
  update(options: CardElementOptions): Promise<void>;
  focus(field?: FieldName): Promise<void>;
  blur(): Promise<void>;
  clear(): Promise<void>;
  submit(): Promise<SubmitResult>;
}

/** The only names the page may call on the frame. No gets, no sets, no constructs, no paths. */
export const CARD_FRAME_METHODS = ['update', 'focus', 'blur', 'clear', 'submit'] as const satisfies readonly (keyof CardFrameApi)[];
export type CardFrameMethod = (typeof CARD_FRAME_METHODS)[number];

export function isCardFrameMethod(name: unknown): name is CardFrameMethod {
  return typeof name === 'string' && (CARD_FRAME_METHODS as readonly string[]).includes(name);
}

/** What the frame is collecting: a full card, or only the CVC of a saved card. */
export type FrameMode = 'card' | 'cvc';

/**
 * Events from the frame, posted on the `events` port. Coarse by design (see {@link CardState}).
 * `ready` goes out once the bridge is connected, the form rendered and the SDK's first `update`
 * (its initial options) applied, with the height of that configured form; `resize` only after it.
 */
export type FrameEvent =
  | { type: 'ready'; mode: FrameMode; height: number }
  /** `group`: split fields only, the state of the whole card (every field of the group, merged in the frames). */
  | { type: 'change'; state: CardState; group?: CardState }
  | { type: 'focus'; field: FieldName }
  | { type: 'blur'; field: FieldName }
  | { type: 'submit' }
  | { type: 'escape' }
  | { type: 'resize'; height: number }
  | { type: 'error'; error: CardframeErrorData };

export type FrameEventType = FrameEvent['type'];
