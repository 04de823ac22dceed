export { init, type Cardframe, type InitOptions } from './init.ts';
export {
  type CardElement,
  type CardElementEventMap,
  type CardElementEventType,
  type CardElementListener,
  type MountOptions,
} from './card-element.ts';
export { type CardGroup } from './card-group.ts';
export { CardframeError } from './cardframe-error.ts';
export { version } from './version.ts';
export type {
  CardElementOptions,
  CardStyle,
  CardState,
  FieldState,
  FieldError,
  FieldName,
  CardframeErrorCode,
  SubmitResult,
  Scheme,
} from '@cardframe/protocol';
