import type { CardState, FieldState } from '@cardframe/protocol';

/**
 * Holds back what the card number's coarse state would reveal while the shopper is typing it
 * (issue 13, finding 9). The moment the brand appears tells the page how many digits identified
 * it (BIN bits), and the moment the number turns complete tells it the length. So while the
 * number field has focus the page keeps seeing the number's `complete`, `error`, the `brand` and
 * the form's `complete` as they were when the field gained focus; only `empty` is live. When the
 * field loses focus (or Enter submits) the real state is released in one change. A state equal to
 * the last one sent is not sent again, so the count of events says nothing either.
 */
export interface NumberStateGate {
  change(state: CardState): void;
  focus(field: string): void;
  blur(field: string): void;
  /** Before a submit: the page should act on the real state. */
  release(): void;
}

export function createNumberStateGate(post: (state: CardState) => void): NumberStateGate {
  let typing = false;
  let latest: CardState | undefined;
  let shown: CardState | undefined;
  let lastSent = '';

  const send = (state: CardState) => {
    const json = JSON.stringify(state);
    if (json === lastSent) return;
    lastSent = json;
    shown = state;
    post(state);
  };

  const held = (state: CardState): CardState => {
    const live = state.fields.number;
    if (!live) return state;
    const before = shown?.fields.number;
    const number: FieldState = { empty: live.empty, complete: before?.complete ?? false };
    if (before?.error) number.error = before.error;
    const out: CardState = {
      empty: state.empty,
      complete: shown?.complete ?? false,
      brand: shown?.brand ?? 'unknown',
      fields: { ...state.fields, number },
    };
    if (shown?.error) out.error = shown.error;
    return out;
  };

  return {
    change(state) {
      latest = state;
      send(typing ? held(state) : state);
    },
    focus(field) {
      if (field === 'number') typing = true;
    },
    blur(field) {
      if (field !== 'number') return;
      typing = false;
      if (latest) send(latest);
    },
    release() {
      typing = false;
      if (latest) send(latest);
    },
  };
}
