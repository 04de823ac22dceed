import {
  FIELD_NAMES,
  claimsBefore,
  isFieldGroupMessage,
  mergeFieldStates,
  type CardState,
  type CardframeErrorData,
  type FieldGroupMessage,
  type FrameEvent,
  type FieldName,
  type FieldState,
  type Scheme,
} from '@cardframe/protocol';
import type { CardParts, CollectedFullCard, CollectResult, PartResult } from '@cardframe/card-form';

/** The other fields are frames in the same page, answering from memory: a second is already slow. */
export const PART_TIMEOUT_MS = 5_000;
/** The SDK's focus() follows a refused submit at once; one later than this is the merchant's own. */
export const REFUSAL_FOCUS_WINDOW_MS = 1_000;
/** A card needs these; the name joins only when the merchant mounts a cardholderName field. */
const REQUIRED_FIELDS: readonly FieldName[] = ['number', 'expiry', 'cvc'];

/** The BroadcastChannel surface the group uses (a BroadcastChannel in the frame, the same in tests). */
export interface GroupChannel {
  postMessage(message: FieldGroupMessage): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

/** The part of a split-field card form the group drives. */
export interface FieldFormControl {
  collectPart(): PartResult;
  assemble(parts: CardParts): CollectedFullCard;
  focusField(): void;
  clear(): void;
  groupBrand: Scheme | 'unknown' | undefined;
}

export interface FieldGroupOptions {
  channel: GroupChannel;
  field: FieldName;
  /** This frame's random member id and claim time (ms since the epoch). */
  id: string;
  at: number;
  /** Resolves once this frame's form is rendered. */
  form: () => Promise<FieldFormControl>;
  /** Another frame of the group already holds this field: this one must not run. */
  onRefused: () => void;
}

export interface FieldGroup {
  /** Submit, in the frame the merchant called: gathers every field's part and assembles one card. */
  collect(): Promise<CollectResult>;
  /** After a completed submit: every other field empties too. */
  clearOthers(): void;
  /** The number field tells the others its brand (coarse, the same brand the merchant sees). */
  announceBrand(brand: Scheme | 'unknown'): void;
  /** Tells the other fields this field's coarse state (at render, and on every change). */
  report(state: CardState): void;
  /**
   * Wraps the frame's event poster: a `change` tells the other fields this field's coarse state and
   * carries the whole card's state (`group`) to the merchant, merged from every member's last state.
   */
  forwardEvents(post: (event: FrameEvent) => void): (event: FrameEvent) => void;
  /** Moves focus to the next (+1) or previous (-1) field of the group, across frames. */
  moveFocus(step: 1 | -1): void;
  /**
   * The SDK follows a refused submit with a focus() on the element it submitted through (card-element.ts): it focuses
   * that iframe from the page, which a browser always allows, then calls focus() in this frame. Sent from here, the
   * refusal's own focus on another frame's field could not land while the page held focus (Chromium refuses a
   * cross-origin frame that takes focus from its page). Now that a frame of the same origin holds it, this sends focus
   * to the failing field again, within a second of the refusal and once, and says whether it did. Without this, the
   * SDK's focus() put the caret back in this frame's own, complete field.
   */
  refocusRefusedField(): boolean;
  /** The document is going away: free the field for a re-mount. */
  leave(): void;
}

type Body<M> = M extends unknown ? Omit<M, 'id' | 'field'> : never;
type Part = Extract<FieldGroupMessage, { type: 'part' }>;

const incomplete = (message: string): CardframeErrorData => ({ code: 'NOT_COMPLETE', message });

/**
 * One split field's membership in its group (see protocol field-group.ts for the messages and
 * docs/decisions/0030 for the threat model). Only holders count: a message from a frame that
 * does not hold the field it names is dropped, and a later claim of this frame's own field makes
 * the later frame refuse and close the channel. Card values leave a frame only as a `part`,
 * addressed to the holder that sent the `collect`.
 */
export function joinFieldGroup({ channel, field, id, at, form, onRefused }: FieldGroupOptions): FieldGroup {
  const holders = new Map<FieldName, { id: string; at: number }>([[field, { id, at }]]);
  const waiting = new Map<string, (part: Part) => void>();
  const states: Partial<Record<FieldName, CardState>> = {};
  let brand: Scheme | 'unknown' = 'unknown';
  /** The field a collect last failed on in another frame, and until when (performance.now()) the SDK's focus() goes there. */
  let refusedField: FieldName = field;
  let refusalFocusUntil = 0;
  let closed = false;

  const post = (body: Body<FieldGroupMessage>): void => {
    if (!closed) channel.postMessage({ ...body, id, field } as FieldGroupMessage);
  };
  const withForm = (run: (form: FieldFormControl) => void): void => {
    form().then(run, () => {});
  };
  /** Focus to `name`'s field, in this frame or another. */
  const focusOn = (name: FieldName): void => (name === field ? withForm((f) => f.focusField()) : post({ type: 'focus', to: name }));
  const close = (): void => {
    closed = true;
    channel.onmessage = null;
    channel.close();
    waiting.clear();
  };

  channel.onmessage = ({ data }: MessageEvent) => {
    if (closed || !isFieldGroupMessage(data) || data.id === id) return;
    if (data.type === 'join' || data.type === 'here') {
      if (data.field === field && claimsBefore(data, { id, at })) {
        close();
        onRefused();
        return;
      }
      const held = holders.get(data.field);
      if (!held || claimsBefore(data, held)) holders.set(data.field, { id: data.id, at: data.at });
      if (data.type === 'join') {
        post({ type: 'here', at });
        if (field === 'number') post({ type: 'brand', brand });
        if (states[field]) post({ type: 'state', state: states[field] });
      }
      return;
    }
    if (holders.get(data.field)?.id !== data.id) return;
    switch (data.type) {
      case 'leave':
        holders.delete(data.field);
        delete states[data.field];
        break;
      case 'state':
        states[data.field] = data.state;
        break;
      case 'brand':
        if (field === 'cvc') withForm((f) => (f.groupBrand = data.brand));
        break;
      case 'focus':
        if (data.to === field) focusOn(field);
        break;
      case 'collect':
        withForm((f) => {
          const part = f.collectPart();
          const answer = { type: 'part', to: data.id, request: data.request } as const;
          post(part.ok ? { ...answer, ok: true, value: part.value } : { ...answer, ok: false, state: fieldState(part.state) });
        });
        break;
      case 'part':
        if (data.to === id) waiting.get(data.request)?.(data);
        break;
      case 'clear':
        withForm((f) => f.clear());
        break;
    }
  };
  post({ type: 'join', at });

  function fieldState(state: CardState): FieldState {
    const own = state.fields[field];
    return own ? { empty: own.empty, complete: own.complete, ...(own.error && { error: own.error }) } : { empty: true, complete: false };
  }

  function report(state: CardState): void {
    states[field] = state;
    post({ type: 'state', state });
  }

  function members(): FieldName[] {
    return FIELD_NAMES.filter((name) => holders.has(name));
  }

  return {
    async collect() {
      const own = await form();
      const missing = REQUIRED_FIELDS.find((name) => !holders.has(name));
      if (missing) throw incomplete(`The card's ${missing === 'cvc' ? 'security code' : missing} field is not on the page.`);
      const fields = members();
      const answers = new Map<FieldName, { ok: true; value: string } | { ok: false; state: FieldState }>();
      const mine = own.collectPart();
      answers.set(field, mine.ok ? mine : { ok: false, state: fieldState(mine.state) });
      if (answers.size < fields.length) {
        const request = randomId();
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            waiting.delete(request);
            reject({ code: 'FRAME_TIMEOUT', message: 'A card field did not answer.' } satisfies CardframeErrorData);
          }, PART_TIMEOUT_MS);
          waiting.set(request, (part) => {
            if (!fields.includes(part.field) || answers.has(part.field)) return;
            answers.set(part.field, part.ok ? { ok: true, value: part.value } : { ok: false, state: part.state });
            if (answers.size < fields.length) return;
            clearTimeout(timer);
            waiting.delete(request);
            resolve();
          });
          post({ type: 'collect', request });
        });
      }
      const parts: CardParts = {};
      for (const name of fields) {
        const answer = answers.get(name)!;
        if (!answer.ok) {
          // Focus goes to the first failing field in card order, wherever its frame is.
          if (name !== field) refusalFocusUntil = performance.now() + REFUSAL_FOCUS_WINDOW_MS;
          refusedField = name;
          focusOn(name);
          throw answer.state.error ?? incomplete('Please complete the card details.');
        }
        parts[name] = answer.value;
      }
      return { ok: true, card: own.assemble(parts) };
    },
    clearOthers: () => post({ type: 'clear' }),
    announceBrand(next) {
      if (next === brand) return;
      brand = next;
      post({ type: 'brand', brand });
    },
    report,
    forwardEvents(postEvent) {
      return (event) => {
        if (event.type === 'change') {
          report(event.state);
          event = { ...event, group: mergeFieldStates(states) };
        }
        postEvent(event);
      };
    },
    moveFocus(step) {
      const fields = members();
      const to = fields[fields.indexOf(field) + step];
      if (to) post({ type: 'focus', to });
    },
    refocusRefusedField() {
      const again = performance.now() < refusalFocusUntil;
      refusalFocusUntil = 0;
      if (again) focusOn(refusedField);
      return again;
    },
    leave() {
      post({ type: 'leave' });
      close();
    },
  };
}

/** A fresh random id (96 bits, hex): member ids and collect requests. */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
