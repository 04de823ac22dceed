import { defineComponent, h, onBeforeUnmount, shallowRef, watch, type PropType } from 'vue';
import type { CardElement as SdkCardElement, CardElementEventMap, CardElementOptions, CardframeError } from '@cardframe/sdk';
import { useCardframeState, type ElementKind } from './cardframe-state.ts';

const EVENTS = ['ready', 'change', 'focus', 'blur', 'submit', 'escape'] as const;

/**
 * One component per element kind, all built here: creates, mounts and unmounts one SDK element
 * for the lifetime of the component and the provider's instance; re-mounts on a new instance;
 * applies new `options` in place with `update()`. Events are the SDK's, emitted as Vue events.
 */
function defineCardframeElement(name: string, kind: ElementKind) {
  return defineComponent({
    name,
    props: {
      /** Style, placeholder, locale…; a change is applied in place, without a re-mount. */
      options: { type: Object as PropType<CardElementOptions>, default: undefined },
    },
    emits: {
      ready: (_payload: CardElementEventMap['ready']) => true,
      change: (_state: CardElementEventMap['change']) => true,
      focus: (_payload: CardElementEventMap['focus']) => true,
      blur: (_payload: CardElementEventMap['blur']) => true,
      submit: () => true,
      escape: () => true,
      /** This element's errors (they also reach the provider's `error`). */
      error: (_error: CardframeError) => true,
    },
    setup(props, { emit }) {
      const state = useCardframeState();
      const slot = shallowRef<HTMLDivElement | null>(null);
      let element: SdkCardElement | null = null;
      const fail = (reason: unknown): void => emit('error', state.report(reason));
      const teardown = (): void => {
        if (!element) return;
        if (state.elements.get(kind) === element) state.elements.delete(kind);
        element.unmount();
        element = null;
      };
      watch(
        [state.cardframe, slot],
        ([cardframe, target]) => {
          teardown();
          if (!cardframe || !target) return;
          let created: SdkCardElement;
          try {
            created = cardframe[kind](props.options);
          } catch (reason) {
            fail(reason); // INVALID_OPTIONS / INVALID_STYLE, before any frame exists
            return;
          }
          element = created;
          for (const type of EVENTS) created.on(type, (payload) => (emit as (event: string, value: unknown) => void)(type, payload));
          const seen = new WeakSet<object>();
          created.on('error', (error) => {
            seen.add(error);
            fail(error);
          });
          created.mount(target).catch((error: CardframeError) => {
            // A failed mount also emits `error` (reported above); NOT_MOUNTED is our own teardown.
            if (!seen.has(error) && error.code !== 'NOT_MOUNTED') fail(error);
          });
          state.elements.set(kind, created);
        },
        { flush: 'post' },
      );
      watch(
        () => JSON.stringify(props.options ?? {}),
        () => element?.update(props.options ?? {}).catch(fail),
      );
      onBeforeUnmount(teardown);
      return () => h('div', { ref: slot });
    },
  });
}

/** The combined card element: number, expiry, CVC (and optionally name) in one vault-origin frame. */
export const CardElement = defineCardframeElement('CardElement', 'card');
/** Split fields: each its own vault-origin frame; together one card, submitted with `useSubmit()`. */
export const CardNumberElement = defineCardframeElement('CardNumberElement', 'cardNumber');
export const CardExpiryElement = defineCardframeElement('CardExpiryElement', 'cardExpiry');
export const CardCvcElement = defineCardframeElement('CardCvcElement', 'cardCvc');
export const CardholderNameElement = defineCardframeElement('CardholderNameElement', 'cardholderName');
