export { init, type Cardframe, type InitOptions } from './init.ts';
export type {
  CardElement,
  CardElementEventMap,
  CardElementEventType,
  CardElementListener,
  MountOptions,
} from './card-element.ts';
export type { CardGroup } from './card-group.ts';
export { CardframeError } from './cardframe-error.ts';
/** Every `CardframeError` code, so merchant code can switch on them (README: "Error codes"). */
export { CARDFRAME_ERROR_CODES } from '@cardframe/protocol';
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
