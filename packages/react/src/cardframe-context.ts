import { createContext, useContext } from 'react';
import type { CardElement, Cardframe, CardframeError } from '@cardframe/sdk';

/** Which element a component mounts: the combined card, or one split field. */
export type ElementKind = 'card' | 'cardNumber' | 'cardExpiry' | 'cardCvc' | 'cardholderName';

export interface CardframeContextValue {
  /** The SDK instance for the provider's session; null while it starts and after an init error. */
  cardframe: Cardframe | null;
  /** The last error of this session (init, an element, a submit); null while all is well. */
  error: CardframeError | null;
  /** Routes an error to the provider's state and `onError`: the one documented error path. */
  report(reason: unknown): CardframeError;
  /** Element components register what they mounted, so `useSubmit()` knows what to submit. */
  register(kind: ElementKind, element: CardElement): () => void;
  elements: ReadonlyMap<ElementKind, CardElement>;
}

export const CardframeContext = createContext<CardframeContextValue | null>(null);

export function useCardframeContext(): CardframeContextValue {
  const context = useContext(CardframeContext);
  if (!context) throw new Error('Cardframe components and hooks must be used inside <CardframeProvider>');
  return context;
}
