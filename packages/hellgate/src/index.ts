import { init } from './init.ts';
import { version } from './version.ts';

/** The package's one value, shaped as `import { Hellgate } from '@starfish-codes/hellgate'`. */
export const Hellgate = Object.freeze({ init, version });
export { init, version };
export { HellgateError, type HellgateErrorCode } from './hellgate-error.ts';
export { CardframeError } from '@cardframe/sdk';
export type {
  AdditionalData,
  CardHandler,
  ChangeEvent,
  Client,
  ElementEventMap,
  ElementEventType,
  ElementOptions,
  FormFields,
  FormFieldsOptions,
  FormOptions,
  HellgateElement,
  InitOptions,
  KeydownEvent,
  PaymentMethod,
  ProcessResult,
  SessionResult,
  StyleBlock,
  StylePseudo,
  StyleProperty,
  StyleRules,
  Styles,
  Subscription,
  TextFieldOptions,
  ValidationErrorCode,
} from './types.ts';
