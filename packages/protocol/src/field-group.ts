import { FIELD_NAMES, type FieldName } from './card-options.ts';
import type { CardState, FieldState } from './card-state.ts';
import type { Scheme } from './schemes.ts';

/**
 * The field frame ↔ field frame boundary (split fields).
 *
 * Split fields are several vault-origin iframes, one per field, that make up one card. They
 * talk to each other on a BroadcastChannel named by {@link fieldGroupChannel}: a BroadcastChannel
 * only reaches documents of the same origin (and, in every engine that partitions storage, under
 * the same top-level site), so the merchant page and any frame of another origin cannot open it
 * or listen to it. Nothing of this travels through the merchant page, not even encrypted.
 *
 * Membership is first come, first served per field: the earliest `join` for a field (ordered by
 * `at`, then `id`) holds it; a later frame claiming the same field in the same group refuses to
 * run and closes the channel. Every member ignores messages whose `(field, id)` pair is not the
 * holder of that field, and card data (`part`) is addressed to the one member that asked for it.
 * See docs/decisions/0030-split-fields-talk-on-a-vault-origin-channel.md for the threat model.
 */
export const FIELD_GROUP_VERSION = 1;

/** Scoped by session and by the random per-mount group id, so two checkouts never share a channel. */
export function fieldGroupChannel(session: string, group: string): string {
  return `cardframe:group:v${FIELD_GROUP_VERSION}:${session}:${group}`;
}

interface From {
  /** The sender's random member id (fresh per frame document). */
  id: string;
  /** The field the sender holds. */
  field: FieldName;
}

export type FieldGroupMessage =
  /** A frame claims its field (`join`), or answers a join so the newcomer learns who holds what (`here`). */
  | (From & { type: 'join' | 'here'; at: number })
  /** The frame's document is going away: its field is free again (a re-mount may claim it). */
  | (From & { type: 'leave' })
  /** A member's coarse state (what the merchant sees of it anyway), so every field can report the group's. */
  | (From & { type: 'state'; state: CardState })
  /** The number field's detected brand: drives the CVC field's length and label. Coarse, like `change`. */
  | (From & { type: 'brand'; brand: Scheme | 'unknown' })
  /** Move focus to `to` (its frame focuses its input): completion, Backspace in an empty field, a failed submit. */
  | (From & { type: 'focus'; to: FieldName })
  /** The collector asks every member for its field, once per submit. */
  | (From & { type: 'collect'; request: string })
  /** One member's answer, addressed to the collector: the value when valid, else its coarse state. */
  | (From & { type: 'part'; to: string; request: string; ok: true; value: string })
  | (From & { type: 'part'; to: string; request: string; ok: false; state: FieldState })
  /** A submit completed: every member empties its field. */
  | (From & { type: 'clear' });

export type FieldGroupMessageType = FieldGroupMessage['type'];

const TYPES: readonly FieldGroupMessageType[] = ['join', 'here', 'leave', 'state', 'brand', 'focus', 'collect', 'part', 'clear'];

/**
 * Checks the envelope of a received group message: a known type from a named field, with an id.
 * Only vault-origin code can post on the channel (our own), so this guards against our own
 * version skew, not against an attacker; payloads are read only by the handler of their type.
 */
export function isFieldGroupMessage(data: unknown): data is FieldGroupMessage {
  const m = data as Record<string, unknown> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    TYPES.includes(m.type as FieldGroupMessageType) &&
    typeof m.id === 'string' &&
    (FIELD_NAMES as readonly unknown[]).includes(m.field)
  );
}

/** Whether claim `a` holds a field before claim `b`: earlier `at` first, the id breaks a tie. */
export function claimsBefore(a: { at: number; id: string }, b: { at: number; id: string }): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

/**
 * The group's coarse state from its fields' states, for the merchant's group `change` event:
 * complete when every field on the page is, brand from the number field.
 */
export function mergeFieldStates(states: Partial<Record<FieldName, CardState>>): CardState {
  const fields: CardState['fields'] = {};
  for (const name of FIELD_NAMES) {
    const field = states[name]?.fields[name];
    if (field) fields[name] = field;
  }
  const all = Object.values(fields);
  const error = all.find((field) => field.error)?.error;
  return {
    empty: all.every((field) => field.empty),
    complete: all.every((field) => field.complete),
    brand: states.number?.brand ?? 'unknown',
    fields,
    ...(error && { error }),
  };
}
