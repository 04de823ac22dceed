/**
 * Hellgate Web SDK 3.11's public shape, as its `.d.ts` files declare it (npm `@starfish-codes/hellgate`),
 * so a page written against Hellgate type-checks against this package unchanged. Where an option exists
 * in Hellgate but has no Cardframe counterpart, it is typed (the page compiles) and refused at run time
 * with a {@link HellgateError} that names it: nothing is silently dropped.
 */

/** Hellgate's validation error codes, mapped from Cardframe's (`EXPIRY_IN_PAST` → `INVALID_EXPIRY_DATE`). */
export type ValidationErrorCode = 'NOT_COMPLETE' | 'SCHEME_NOT_SUPPORTED' | 'LUHN_CHECK_FAILED' | 'INVALID_EXPIRY_DATE';

/** Hellgate's 16 style properties. `fontSmooth` and `height` have no Cardframe counterpart and are refused. */
export type StyleProperty =
  | 'backgroundColor'
  | 'color'
  | 'fontFamily'
  | 'fontSize'
  | 'fontSmooth'
  | 'fontStyle'
  | 'fontVariant'
  | 'fontWeight'
  | 'lineHeight'
  | 'letterSpacing'
  | 'textAlign'
  | 'padding'
  | 'textDecoration'
  | 'textShadow'
  | 'textTransform'
  | 'height';

/** Hellgate's pseudo selectors. `:read-only` has no Cardframe counterpart and is refused. */
export type StylePseudo = ':hover' | ':focus' | ':read-only' | '::placeholder' | '::selection' | ':disabled';

export type StyleRules = Partial<Record<StyleProperty, string>>;
export type StyleBlock = StyleRules & Partial<Record<StylePseudo, StyleRules>>;

export interface Styles {
  /**
   * Font stylesheet URLs. Refused unless empty: Cardframe's frames load no merchant CSS (no `url()`, no
   * `@import`, security.md §2.6); name a system or installed font stack in `fontFamily` instead.
   */
  fonts?: string[];
  base?: StyleBlock;
  complete?: StyleBlock;
  invalid?: StyleBlock;
  empty?: StyleBlock;
}

/** Options every Hellgate element takes. Cardframe maps `style`, `placeholder`, `disabled` and `autocomplete: 'on'`. */
export interface ElementOptions {
  style?: Styles;
  placeholder?: string;
  disabled?: boolean;
  /** `'on'` is Cardframe's behaviour; `'off'` is refused (the card fields keep the browser's card autofill). */
  autocomplete?: 'on' | 'off';
  /** Refused: Cardframe's fields are sized by the frame. */
  height?: number | string;
  /** Refused: a CVC-only form comes from a `refresh_security_code` session, not an option. */
  cvcOnly?: boolean;
  /** Refused: the frame labels its fields in the shopper's language. */
  ariaLabel?: string;
  /** Refused: the brand icon's place is fixed. */
  icon?: unknown;
  /** Refused: the session's `allowed_schemes` (set by the merchant server) restricts brands, enforced by the vault. */
  schemes?: string[];
}

/** `createForm()`: the one-line card form. */
export type FormOptions = Omit<ElementOptions, 'placeholder'>;

/** `createFormFields()`: global options, each overridable per field. */
export interface FormFieldsOptions extends ElementOptions {
  /** `'combined'` (the default) only: Cardframe has one expiry field. */
  expiryDateElement?: 'combined' | 'separate';
  cardNumber?: ElementOptions;
  expiryDate?: ElementOptions;
  securityCode?: ElementOptions;
}

/** `createTextField()`: mapped to Cardframe's cardholder-name field, its only text field. */
export interface TextFieldOptions {
  placeholder?: string;
  style?: Styles;
}

/** What `change` hands its listeners: coarse state only, never a character of the card. */
export interface ChangeEvent {
  empty: boolean;
  complete: boolean;
  /** False while the field shows a validation error. */
  valid?: boolean;
  /** The error's message, for the shopper (in the frame's language). */
  error?: string;
  errorCode?: ValidationErrorCode;
}

/** `keydown` is raised for Enter and Escape only, as in Hellgate; modifier flags are not known here. */
export interface KeydownEvent {
  key: 'Enter' | 'Escape';
}

export interface ElementEventMap {
  ready: Record<string, never>;
  change: ChangeEvent;
  focus: Record<string, never>;
  blur: Record<string, never>;
  keydown: KeydownEvent;
}
export type ElementEventType = keyof ElementEventMap;

export interface Subscription {
  unsubscribe(): void;
}

/** One Hellgate element: the form, a form field or the text field. Each drives one Cardframe frame. */
export interface HellgateElement {
  /** Inserts the element's frame into `target` (a selector or an element); resolves once it is ready. */
  mount(target: string | HTMLElement): Promise<void>;
  update(options: ElementOptions): Promise<void>;
  clear(): Promise<void>;
  focus(): Promise<void>;
  blur(): Promise<void>;
  unmount(): void;
  on<K extends ElementEventType>(type: K, listener: (event: ElementEventMap[K]) => void): Subscription;
}

export interface FormFields {
  cardNumber: HellgateElement;
  expiryDate: HellgateElement;
  securityCode: HellgateElement;
}

/**
 * `process()`'s additional data. `cardholder_name` must be the text field from `createTextField()`: the
 * name is then typed in a vault-origin frame and encrypted there with the card. A string cannot be
 * passed on (the Cardframe SDK never carries cardholder data from the page), so it is refused.
 */
export interface AdditionalData {
  cardholder_name?: HellgateElement | string;
}

export type ProcessResult =
  | { status: 'success'; data: { token_id: string } }
  | {
      status: 'failure';
      data: {
        /** For the shopper or the log; never holds card data. */
        message: string;
        /** A Hellgate validation code where one applies, otherwise Cardframe's error code (README "Error codes"). */
        code: string;
      };
    };

/** What `onSessionComplete` handlers receive: the session's finished state. */
export interface SessionResult {
  status: 'success';
  data: { token_id: string };
}

export interface CardHandler {
  createForm(options?: FormOptions): HellgateElement;
  createFormFields(options?: FormFieldsOptions): FormFields;
  createTextField(options?: TextFieldOptions): HellgateElement;
  /**
   * Encrypts the card in the vault-origin frames and completes the session. Card and session failures
   * resolve `{status: 'failure'}`; misuse (nothing created, a string name) rejects with a HellgateError.
   */
  process(additionalData?: AdditionalData): Promise<ProcessResult>;
  /** Unmounts every element of this handler and forgets their listeners; the handler can create new ones. */
  reset(): void;
}

export type PaymentMethod = 'CARD' | '3DS';

export interface Client {
  /** `'CARD'` → the card handler (the same one each call; `await` is optional). `'3DS'` throws UNSUPPORTED. */
  use(type: 'CARD'): CardHandler;
  use(type: PaymentMethod): CardHandler;
  onSessionComplete(handler: (result: SessionResult) => void): void;
}

export interface InitOptions {
  /** The vault's URL (its origin is used; `https://vault.example` or `https://vault.example/api`). Required. */
  base_url?: string;
  /** Refused: Cardframe has no 3-D Secure. */
  challenge_3ds_container?: HTMLElement;
  /** Refused with `challenge_3ds_container`. */
  challenge_3ds_label_text?: string;
}
