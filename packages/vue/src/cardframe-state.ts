import { inject, type InjectionKey, type ShallowRef } from 'vue';
import type { CardElement, Cardframe, CardframeError } from '@cardframe/sdk';

/** Which element a component mounts: the combined card, or one split field. */
export type ElementKind = 'card' | 'cardNumber' | 'cardExpiry' | 'cardCvc' | 'cardholderName';

export interface CardframeState {
  /** The SDK instance for the provider's session; null while it starts and after an init error. */
  cardframe: Readonly<ShallowRef<Cardframe | null>>;
  /** The last error of this session (init, an element, a submit); null while all is well. */
  error: Readonly<ShallowRef<CardframeError | null>>;
  /** Routes an error to `error` and the provider's `error` event: the one documented error path. */
  report(reason: unknown): CardframeError;
  /** What the element components mounted, so `useSubmit()` knows what to submit. */
  elements: Map<ElementKind, CardElement>;
}

export const CardframeKey: InjectionKey<CardframeState> = Symbol('cardframe');

export function useCardframeState(): CardframeState {
  const state = inject(CardframeKey, null);
  if (!state) throw new Error('Cardframe components and composables must be used inside <CardframeProvider>');
  return state;
}
