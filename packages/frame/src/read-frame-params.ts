import { parseFrameParams, type FrameParams } from '@cardframe/protocol';

/** The session, parent origin and channel the SDK put in the fragment (never the query), or null if malformed. */
export function readFrameParams(hash: string): FrameParams | null {
  return parseFrameParams(hash);
}
