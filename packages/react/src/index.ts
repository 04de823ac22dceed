export { CardframeProvider, type CardframeProviderProps } from './cardframe-provider.ts';
export {
  CardElement,
  CardNumberElement,
  CardExpiryElement,
  CardCvcElement,
  CardholderNameElement,
  type CardframeElementProps,
} from './card-elements.ts';
export { useCardframe, useSubmit, type SubmitOutcome } from './use-cardframe.ts';
export type { ElementKind } from './cardframe-context.ts';
export { CardframeError } from '@cardframe/sdk';
export type { CardElementOptions, CardState, CardStyle, FieldName, SubmitResult } from '@cardframe/sdk';
