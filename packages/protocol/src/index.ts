export {
  SCHEMES,
  SESSION_SCHEMES,
  SESSION_SCHEME_NAMES,
  isScheme,
  schemeFromCardType,
  schemeFromSessionName,
  type Scheme,
  type SessionSchemeName,
} from './schemes.ts';
export {
  VALIDATION_ERROR_CODES,
  CARDFRAME_ERROR_CODES,
  SESSION_CLASSIFIERS,
  isCardframeErrorData,
  type ValidationErrorCode,
  type CardframeErrorCode,
  type CardframeErrorData,
  type GuardianError,
} from './errors.ts';
export {
  STYLE_VARIANTS,
  STYLE_PSEUDOS,
  STYLE_PROPERTIES,
  sanitizeCardStyle,
  styleValueProblem,
  styleRulesToCss,
  type CardStyle,
  type StyleBlock,
  type StyleRules,
  type StyleVariant,
  type StylePseudo,
  type StyleProperty,
} from './card-style.ts';
export { FONTS_PATH, MAX_FONTS, isLoopbackHost, parseFontSources, type FontSource } from './font-sources.ts';
export { FIELD_NAMES, parseCardElementOptions, type FieldName, type CardElementOptions } from './card-options.ts';
export type { CardState, FieldState, FieldError } from './card-state.ts';
export {
  SUPPORTED_LOCALES,
  RTL_LOCALES,
  isLocaleOption,
  matchLocale,
  resolveLocale,
  localeDirection,
  type SupportedLocale,
  type CardLocale,
} from './locales.ts';
export {
  FRAME_PATH,
  SDK_PATH,
  ORIGIN_CHECK_PATH,
  ORIGIN_NOT_ALLOWED_STATUS,
  MAX_FRAGMENT_OPTIONS,
  composeFrameUrl,
  parseFrameParams,
  type FrameParams,
} from './frame-url.ts';
export { FORM_HEIGHT_TWO_ROWS, FORM_HEIGHT_WITH_NAME, FORM_HEIGHT_ONE_FIELD } from './form-layout.ts';
export {
  BRIDGE_VERSION,
  CARD_FRAME_METHODS,
  isHelloMessage,
  isConnectMessage,
  helloVersion,
  isCardFrameMethod,
  type HelloMessage,
  type ConnectMessage,
  type CardFrameApi,
  type CardFrameMethod,
  type SubmitResult,
  type FrameEvent,
  type FrameEventType,
  type FrameMode,
} from './bridge.ts';
// Session wire types only: the runtime schemas live behind `@cardframe/protocol/session-api`
// so browser bundles that import this entry never pull in TypeBox.
export type {
  SessionJwk,
  SessionState,
  TokenizeCardState,
  RefreshSecurityCodeState,
  FinishedState,
  CompleteActionRequest,
  CompleteActionResponse,
  CardClaims,
  SecurityCodeClaims,
} from './session-api.ts';
export {
  FIELD_GROUP_VERSION,
  fieldGroupChannel,
  isFieldGroupMessage,
  claimsBefore,
  mergeFieldStates,
  type FieldGroupMessage,
  type FieldGroupMessageType,
} from './field-group.ts';
