import { createElement, useEffect, useRef, type ReactNode } from 'react';
import type { CardElement as SdkCardElement, CardElementEventMap, CardElementOptions, CardframeError } from '@cardframe/sdk';
import { useCardframeContext, type ElementKind } from './cardframe-context.ts';

/** Props every element component takes: its options, where it renders, and one handler per event. */
export interface CardframeElementProps {
  /** Style, placeholder, locale…; a change is applied in place with `update()`, without a re-mount. */
  options?: CardElementOptions;
  id?: string;
  className?: string;
  onReady?: (payload: CardElementEventMap['ready']) => void;
  onChange?: (state: CardElementEventMap['change']) => void;
  onFocus?: (payload: CardElementEventMap['focus']) => void;
  onBlur?: (payload: CardElementEventMap['blur']) => void;
  /** Enter was pressed in a field. */
  onSubmit?: () => void;
  onEscape?: () => void;
  /** This element's errors (they also reach the provider's `onError`). */
  onError?: (error: CardframeError) => void;
}

const HANDLERS = [
  ['ready', 'onReady'],
  ['change', 'onChange'],
  ['focus', 'onFocus'],
  ['blur', 'onBlur'],
  ['submit', 'onSubmit'],
  ['escape', 'onEscape'],
] as const;

/**
 * Creates, mounts and unmounts one SDK element for the lifetime of the component and the
 * provider's instance. Handlers are read through a ref, so a new handler never re-mounts the
 * frame. StrictMode's mount → unmount → mount leaves exactly one frame: the first element's
 * pending mount rejects with NOT_MOUNTED, which is the expected end of it and not reported.
 */
function useCardframeElement(kind: ElementKind, props: CardframeElementProps): ReactNode {
  const { cardframe, report, register } = useCardframeContext();
  const slot = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const current = useRef<SdkCardElement | null>(null);

  useEffect(() => {
    const target = slot.current;
    if (!cardframe || !target) return;
    const fail = (reason: unknown): void => {
      const error = report(reason); // first: `onError?.(report(…))` would skip the report without a handler
      latest.current.onError?.(error);
    };
    let element: SdkCardElement;
    try {
      element = cardframe[kind](latest.current.options);
    } catch (reason) {
      fail(reason); // INVALID_OPTIONS / INVALID_STYLE, before any frame exists
      return;
    }
    current.current = element;
    for (const [type, handler] of HANDLERS) {
      // One loop over the typed event map; each handler receives exactly that event's payload.
      const forward = (payload: unknown): void => (latest.current[handler] as ((value: unknown) => void) | undefined)?.(payload);
      element.on(type, forward);
    }
    const seen = new WeakSet<object>();
    element.on('error', (error) => {
      seen.add(error);
      fail(error);
    });
    element.mount(target).catch((error: CardframeError) => {
      // A failed mount also emits `error` (reported above); NOT_MOUNTED is our own cleanup.
      if (!seen.has(error) && error.code !== 'NOT_MOUNTED') fail(error);
    });
    const release = register(kind, element);
    return () => {
      release();
      current.current = null;
      element.unmount();
    };
  }, [cardframe, kind, register, report]);

  const optionsKey = JSON.stringify(props.options ?? {});
  const appliedKey = useRef(optionsKey);
  useEffect(() => {
    if (appliedKey.current === optionsKey) return;
    appliedKey.current = optionsKey;
    current.current?.update(latest.current.options ?? {}).catch((reason: unknown) => {
      const error = report(reason);
      latest.current.onError?.(error);
    });
  }, [optionsKey, report]);

  return createElement('div', { ref: slot, id: props.id, className: props.className });
}

/** The combined card element: number, expiry, CVC (and optionally name) in one vault-origin frame. */
export function CardElement(props: CardframeElementProps): ReactNode {
  return useCardframeElement('card', props);
}
/** Split fields: each its own vault-origin frame; together one card, submitted with `useSubmit()`. */
export function CardNumberElement(props: CardframeElementProps): ReactNode {
  return useCardframeElement('cardNumber', props);
}
export function CardExpiryElement(props: CardframeElementProps): ReactNode {
  return useCardframeElement('cardExpiry', props);
}
export function CardCvcElement(props: CardframeElementProps): ReactNode {
  return useCardframeElement('cardCvc', props);
}
export function CardholderNameElement(props: CardframeElementProps): ReactNode {
  return useCardframeElement('cardholderName', props);
}
