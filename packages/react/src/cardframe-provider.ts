import { createElement, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CardframeError, init, type CardElement, type Cardframe } from '@cardframe/sdk';
import { CardframeContext, type CardframeContextValue, type ElementKind } from './cardframe-context.ts';

export interface CardframeProviderProps {
  /** The session id your server created at the vault. A new id starts a new Cardframe instance. */
  sessionId: string;
  /** The vault's base URL, e.g. `https://vault.example`. */
  baseUrl: string;
  /**
   * Every error of this session, once each: a refused init (bad id, unsupported browser), an element
   * that cannot load (SESSION_COMPLETED, SESSION_NOT_FOUND, SESSION_EXPIRED…), a failed submit.
   * Nothing in this package rejects or throws unhandled; this and `useCardframe().error` are the path.
   */
  onError?: (error: CardframeError) => void;
  children?: ReactNode;
}

/**
 * Starts Cardframe for one session and gives it to the element components and hooks below it.
 * StrictMode-safe: an init whose effect was cleaned up is dropped, never used.
 */
export function CardframeProvider({ sessionId, baseUrl, onError, children }: CardframeProviderProps): ReactNode {
  const [cardframe, setCardframe] = useState<Cardframe | null>(null);
  const [error, setError] = useState<CardframeError | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const elements = useRef(new Map<ElementKind, CardElement>()).current;

  const report = useCallback((reason: unknown): CardframeError => {
    const failure = CardframeError.from(reason, 'FRAME_LOAD_FAILED');
    setError(failure);
    try {
      onErrorRef.current?.(failure);
    } catch (listenerError) {
      // A merchant handler's bug surfaces as an error of its own, not as a rejected promise of ours.
      setTimeout(() => {
        throw listenerError;
      });
    }
    return failure;
  }, []);

  useEffect(() => {
    let live = true;
    setCardframe(null);
    setError(null);
    init(sessionId, { baseUrl }).then(
      (instance) => live && setCardframe(instance),
      (reason: unknown) => live && report(reason),
    );
    return () => {
      live = false;
    };
  }, [sessionId, baseUrl, report]);

  const register = useCallback(
    (kind: ElementKind, element: CardElement) => {
      elements.set(kind, element);
      return () => {
        if (elements.get(kind) === element) elements.delete(kind);
      };
    },
    [elements],
  );

  const value = useMemo<CardframeContextValue>(() => ({ cardframe, error, report, register, elements }), [cardframe, error, report, register, elements]);
  return createElement(CardframeContext.Provider, { value }, children);
}
