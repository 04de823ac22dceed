import { FIELD_NAMES, type FieldName } from './card-options.ts';

/** Where the vault serves the card frame document and the SDK script. Versioned paths, so SRI can pin them. */
export const FRAME_PATH = '/frame/v1/card.html';
export const SDK_PATH = '/sdk/v1/cardframe.js';
/**
 * Where the SDK asks the vault, without credentials, whether the asking page's origin (the
 * browser's `Origin` header) is in CARDFRAME_ALLOWED_ORIGINS. A frame-ancestors refusal
 * blocks the frame document, so the frame cannot say so itself. The answer is one bit about
 * the asker's own origin, never the list: 204 when allowed, {@link ORIGIN_NOT_ALLOWED_STATUS}
 * (a Guardian error body) when not. The status alone carries the answer, so the SDK reads no body.
 */
export const ORIGIN_CHECK_PATH = '/frame/v1/allowed';
export const ORIGIN_NOT_ALLOWED_STATUS = 403;

/**
 * What the SDK tells the frame at load. It travels in the URL fragment, never the
 * query: fragments are not sent to servers, so they stay out of access logs and
 * Referer headers.
 */
export interface FrameParams {
  /** The session id, the frame's only credential at the vault. */
  session: string;
  /** The exact origin of the merchant page; the frame sends its hello only there. */
  origin: string;
  /** A random id that ties the hello/connect pair to this one mount. */
  channel: string;
  /** Split fields only: the one field this frame shows (see field-group.ts). */
  field?: FieldName;
  /** Split fields only: the random id of the group of field frames that make up one card. */
  group?: string;
  /**
   * The merchant's options at mount, as JSON (`CardElementOptions`, checked by the SDK and again by
   * the frame): the frame renders the form as configured without waiting for the handshake and the
   * SDK's first update. Nothing secret: the page that built the URL knows them. The SDK still sends
   * that update; a frame that predates this parameter ignores it and waits for the update.
   */
  options?: string;
}

/** Longer options in a fragment are ignored (the frame then waits for the SDK's first update, as before). */
export const MAX_FRAGMENT_OPTIONS = 16_384;

export function composeFrameUrl(vaultBaseUrl: string, params: FrameParams): string {
  const url = new URL(FRAME_PATH, vaultBaseUrl);
  // The params are FrameParams and nothing else (typed); `field`/`group` are present only for split fields.
  url.hash = new URLSearchParams(params as unknown as Record<string, string>).toString();
  return url.toString();
}

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANNEL = /^[A-Za-z0-9_-]{16,64}$/;

/** Parses and checks a fragment (`#session=…&origin=…&channel=…`); null when anything is off. */
export function parseFrameParams(hash: string): FrameParams | null {
  const search = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const session = search.get('session');
  const origin = search.get('origin');
  const channel = search.get('channel');
  if (!session || !origin || !channel) return null;
  if (!SESSION_ID.test(session) || !CHANNEL.test(channel)) return null;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return null;
  }
  // An origin is scheme://host[:port] and nothing else; "null" (sandboxed frames) is never a valid parent.
  if (parsed.origin !== origin || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  const out: FrameParams = { session: session.toLowerCase(), origin, channel };
  const field = search.get('field');
  const group = search.get('group');
  // A split field needs both; one without the other is a malformed link, not a combined element.
  if ((field === null) !== (group === null)) return null;
  if (field !== null && group !== null) {
    if (!(FIELD_NAMES as readonly string[]).includes(field) || !CHANNEL.test(group)) return null;
    out.field = field as FieldName;
    out.group = group;
  }
  const options = search.get('options');
  if (options !== null && options.length <= MAX_FRAGMENT_OPTIONS) out.options = options;
  return out;
}
