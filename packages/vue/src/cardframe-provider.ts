import { defineComponent, onBeforeUnmount, provide, shallowRef, watch, type PropType } from 'vue';
import { CardframeError, init, type CardElement, type Cardframe } from '@cardframe/sdk';
import { CardframeKey, type ElementKind } from './cardframe-state.ts';

/**
 * Starts Cardframe for one session and provides it to the element components and composables
 * inside. A new `sessionId` starts a new instance (the elements re-mount on it); an init that a
 * newer one overtook is dropped. Every error of the session is emitted as `error`, once each.
 */
export const CardframeProvider = defineComponent({
  name: 'CardframeProvider',
  props: {
    /** The session id your server created at the vault. */
    sessionId: { type: String as PropType<string>, required: true },
    /** The vault's base URL, e.g. `https://vault.example`. */
    baseUrl: { type: String as PropType<string>, required: true },
  },
  emits: {
    error: (error: CardframeError) => error instanceof CardframeError,
  },
  setup(props, { emit, slots }) {
    const cardframe = shallowRef<Cardframe | null>(null);
    const error = shallowRef<CardframeError | null>(null);
    const elements = new Map<ElementKind, CardElement>();
    const report = (reason: unknown): CardframeError => {
      const failure = CardframeError.from(reason, 'FRAME_LOAD_FAILED');
      error.value = failure;
      emit('error', failure);
      return failure;
    };
    let generation = 0;
    watch(
      () => [props.sessionId, props.baseUrl] as const,
      ([sessionId, baseUrl]) => {
        const mine = ++generation;
        cardframe.value = null;
        error.value = null;
        init(sessionId, { baseUrl }).then(
          (instance) => {
            if (mine === generation) cardframe.value = instance;
          },
          (reason: unknown) => {
            if (mine === generation) report(reason);
          },
        );
      },
      { immediate: true },
    );
    onBeforeUnmount(() => {
      generation++;
    });
    provide(CardframeKey, { cardframe, error, report, elements });
    return () => slots.default?.();
  },
});
