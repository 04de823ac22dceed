import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  SCHEMES,
  localeDirection,
  resolveLocale,
  type CardState,
  type CardStyle,
  type FieldName,
  type FieldState,
  type Scheme,
  type SupportedLocale,
  type ValidationErrorCode,
} from '@cardframe/protocol';
import { BRAND_ICONS } from './brand-icons.ts';
import type { CardFormMode, CollectResult, FieldEventDetail, SavedCard } from './card-form-types.ts';
import { cardFormStyles } from './card-form.styles.ts';
import { cardStyleToCss } from './card-style-sheet.ts';
import { detectCard, type CardDetection } from './detect-card.ts';
import { fill, type Catalog } from './catalog.ts';
import { catalogFor } from './locales/load-catalog.ts';
import { brandName, errorMessage } from './messages.ts';
import { toAsciiDigits } from './native-digits.ts';
import { reformatField } from './reformat-field.ts';
import { assembleCard, cvcForBrand, type PartResult } from './split-field.ts';
import { checkCvc, checkExpiryField, checkName, checkNumber, type FieldCheck } from './validate-card-fields.ts';

type Values = Record<FieldName, string>;
const EMPTY: Values = { number: '', expiry: '', cvc: '', name: '' };
const AUTOCOMPLETE: Readonly<Record<FieldName, string>> = {
  number: 'cc-number',
  expiry: 'cc-exp',
  cvc: 'cc-csc',
  name: 'cc-name',
};

/**
 * The card form that runs inside the vault frame: number, expiry, CVC and an optional
 * name in ONE real `<form>`, so browser autofill fills every field at once. The inputs
 * live in the shadow root: Chromium's autofill walks shadow trees and fills all four from
 * one pick (card-form-autofill.test.ts proves it), and the shadow root keeps the theme's
 * CSS away from the frame document.
 *
 * Card data stays in this element's private fields and the inputs' `value` properties,
 * never in attributes (a CSS attribute selector could read those), never in events.
 * No network, no postMessage, no logging: the frame decides what leaves.
 *
 * @event cardframe-change - coarse {@link CardState} whenever it changes.
 * @event cardframe-focus - `{ field }` when a field gains focus.
 * @event cardframe-blur - `{ field }` when a field loses focus.
 * @event cardframe-submit - Enter was pressed in a field.
 * @event cardframe-escape - Escape was pressed in a field.
 */
export class CardframeCardForm extends LitElement {
  static override styles = cardFormStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    mode: {},
    allowedSchemes: { attribute: false },
    showCardholderName: { type: Boolean, attribute: 'show-cardholder-name' },
    placeholders: { attribute: false },
    cardStyle: { attribute: false },
    savedCard: { attribute: false },
    disabled: { type: Boolean },
    locale: {},
    hideLabels: { type: Boolean, attribute: 'hide-labels' },
    field: {},
    groupBrand: { attribute: false },
    _announcement: { state: true },
  };

  /** `card` collects a whole card; `cvc` only the security code of {@link savedCard}. */
  declare mode: CardFormMode;
  /** Brands the session accepts; any other detected brand is `SCHEME_NOT_SUPPORTED`. */
  declare allowedSchemes: Scheme[];
  declare showCardholderName: boolean;
  declare placeholders: Partial<Record<FieldName, string>>;
  /** A merchant style, already sanitized by the frame (and sanitized again here). */
  declare cardStyle: CardStyle;
  declare savedCard: SavedCard | undefined;
  declare disabled: boolean;
  /**
   * `'auto'` (browser languages) or a BCP 47 tag, resolved along its fallback chain. Load its
   * catalog first (`loadCatalog`, as the frame does): until then the form shows English.
   */
  declare locale: string | undefined;
  /** Labels become screen-reader only (each input keeps an accessible name). */
  declare hideLabels: boolean;
  /** Split fields: this form shows and validates only `field`; the frame joins it to the other fields' frames. */
  declare field: FieldName | undefined;
  /** Split CVC field: the brand the number field's frame detected (drives the CVC length and placeholder). */
  declare groupBrand: Scheme | 'unknown' | undefined;
  declare private _announcement: string;

  #values: Values = { ...EMPTY };
  /** Fields whose error is on display: they were left non-empty, or collect() ran. */
  #shown = new Set<FieldName>();
  #lastState = '';
  readonly #merchantSheet = new CSSStyleSheet();

  constructor() {
    super();
    this.mode = 'card';
    this.allowedSchemes = [...SCHEMES];
    this.showCardholderName = false;
    this.placeholders = {};
    this.cardStyle = {};
    this.savedCard = undefined;
    this.disabled = false;
    this.locale = undefined;
    this.hideLabels = false;
    this.field = undefined;
    this.groupBrand = undefined;
    this._announcement = '';
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    if (root instanceof ShadowRoot) root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#merchantSheet];
    return root;
  }

  /** The coarse state the frame may pass to the merchant: no digits, no lengths. */
  get state(): CardState {
    const fields: Partial<Record<FieldName, FieldState>> = {};
    let error: CardState['error'];
    let empty = true;
    let complete = true;
    for (const field of this.#fields) {
      const check = this.#check(field);
      const state: FieldState = { empty: check.empty, complete: check.complete };
      const code = this.#visibleError(field, check);
      if (code) {
        state.error = { code, message: this.#errorText(field, code) };
        error ??= state.error;
      }
      fields[field] = state;
      empty &&= check.empty;
      complete &&= check.complete;
    }
    return error ? { empty, complete, brand: this.#brand, fields, error } : { empty, complete, brand: this.#brand, fields };
  }

  /**
   * Focuses `field`, or the first shown field that is not complete yet.
   *
   * The request holds until the shopper's first key press or pointer press in the frame,
   * because the engines can undo or refuse it before then:
   * - Chromium: the SDK also focuses our iframe from the page (for WebKit, below). When that
   *   arrives after the field took focus, the frame window blurs and refocuses and its body
   *   ends up focused (1 run in 8 of a refused submit() under load): on the window's `focus`
   *   event, the held field takes focus again.
   * - WebKit refuses scripted focus in a cross-origin frame the shopper has not interacted with
   *   yet, even once the page focused our iframe: the shopper's first key press (a user gesture,
   *   so allowed) moves it to the field before the key lands, so the typed character goes where
   *   the merchant asked.
   * A pointer press is the shopper choosing a place themselves: the request is dropped.
   */
  focusField(field?: FieldName): void {
    const target = field ?? this.#fields.find((f) => !this.#check(f).complete) ?? this.#fields[0];
    if (!target) return;
    this.#holdFocus(target);
    this.#input(target)?.focus();
  }

  #heldFocus: FieldName | undefined;

  #holdFocus(field: FieldName | undefined): void {
    const method = field ? 'addEventListener' : 'removeEventListener';
    const doc = this.ownerDocument;
    doc[method]('keydown', this.#applyHeldFocus, true);
    doc[method]('pointerdown', this.#applyHeldFocus, true);
    doc.defaultView?.[method]('focus', this.#applyHeldFocus);
    this.#heldFocus = field;
  }

  #applyHeldFocus = (event: Event): void => {
    const input = this.#heldFocus && this.#input(this.#heldFocus);
    const { activeElement, body } = this.ownerDocument;
    // Only while focus is nowhere (the body) or already on the field: never steal it from
    // another field the shopper chose meanwhile, in this form or beside it.
    const free = !activeElement || activeElement === body || (activeElement === this && (this.shadowRoot?.activeElement ?? input) === input);
    if (input && event.type !== 'pointerdown' && free) input.focus();
    if (event.type !== 'focus') this.#holdFocus(undefined);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#holdFocus(undefined);
  }

  blurField(): void {
    const active = this.shadowRoot?.activeElement;
    if (active instanceof HTMLElement) active.blur();
  }

  /** Empties every field and hides every error. */
  clear(): void {
    this.#values = { ...EMPTY };
    this.#shown.clear();
    for (const field of this.#fields) {
      const input = this.#input(field);
      if (input) input.value = '';
    }
    this._announcement = '';
    this.requestUpdate();
  }

  /**
   * Validates every shown field and shows every error. On failure it announces the first
   * error and focuses its field; on success it returns the card for the frame to encrypt.
   */
  collect(): CollectResult {
    for (const field of this.#fields) this.#shown.add(field);
    this.requestUpdate();
    const state = this.state;
    if (!state.complete) {
      const first = this.#fields.find((f) => !this.#check(f).complete);
      if (state.error) this.#announce(state.error.message);
      if (first) this.focusField(first);
      return { ok: false, state };
    }
    const { number, expiry, cvc, name } = this.#values;
    if (this.mode === 'cvc') return { ok: true, card: { securityCode: cvc } };
    return { ok: true, card: assembleCard(this.showCardholderName ? { number, expiry, cvc, name } : { number, expiry, cvc }) };
  }

  /**
   * Split fields: validates this form's one field and shows its error, without moving focus
   * (the group focuses the first failing field across frames). The value goes only to the frame.
   */
  collectPart(): PartResult {
    const field = this.field ?? 'number';
    this.#shown.add(field);
    this.requestUpdate();
    const state = this.state;
    if (!state.complete) {
      if (state.error) this.#announce(state.error.message);
      return { ok: false, state };
    }
    const value = this.#values[field];
    return { ok: true, value: field === 'number' ? value.replace(/\D/g, '') : value };
  }

  /** The frame assembles a split card with the same parser as {@link collect}. */
  assemble = assembleCard;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('cardStyle')) this.#merchantSheet.replaceSync(cardStyleToCss(this.cardStyle));
  }

  protected override firstUpdated(): void {
    this.#lastState = JSON.stringify(this.state);
  }

  protected override updated(): void {
    const state = this.state;
    const json = JSON.stringify(state);
    if (json === this.#lastState) return;
    this.#lastState = json;
    this.#emit('cardframe-change', state);
  }

  protected override render(): TemplateResult {
    const m = this.#catalog;
    if (!m) return html``;
    const locale = this.#locale;
    const body = this.field
      ? this.#renderField(this.field, m)
      : this.mode === 'cvc'
        ? html`${this.#renderSaved(m)}${this.#renderField('cvc', m)}`
        : html`<div class="row">${this.#renderField('number', m)}</div>
            <div class="row">${this.#renderField('expiry', m)}${this.#renderField('cvc', m)}</div>
            ${this.showCardholderName ? html`<div class="row">${this.#renderField('name', m)}</div>` : nothing}`;
    // The frame sets lang and dir on its document; dir here also keys the RTL rules.
    return html`<form
      class="form"
      dir=${localeDirection(locale)}
      novalidate
      autocomplete="on"
      @submit=${(e: Event) => e.preventDefault()}
    >
      <div class="group">${body}</div>
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this._announcement}</div>
    </form>`;
  }

  #renderField(field: FieldName, m: Catalog): TemplateResult {
    const check = this.#check(field);
    const code = this.#visibleError(field, check);
    const invalid = code !== undefined;
    const state = invalid ? 'is-invalid' : check.complete ? 'is-complete' : check.empty ? 'is-empty' : '';
    const numeric = field !== 'name';
    // `.value` without Lit's `live` directive (~0.25 KB gzip of a 25 KB budget): the DOM value and
    // #values part only on typing, and #onInput writes its reformatted value into the input itself
    // (as clear() does), so a plain property binding never has a stale DOM value to correct.
    return html`<div class="cell ${field} ${invalid ? 'has-error' : ''}">
      <label class="label ${this.hideLabels ? 'sr-only' : ''}" for="${field}-input">${m.labels[field]}</label>
      <div class="control">
        <input
          id="${field}-input"
          class="input ${state}"
          name=${AUTOCOMPLETE[field]}
          autocomplete=${AUTOCOMPLETE[field]}
          type="text"
          inputmode=${numeric ? 'numeric' : 'text'}
          autocorrect="off"
          autocapitalize=${numeric ? 'off' : 'words'}
          spellcheck="false"
          dir=${numeric ? 'ltr' : nothing}
          placeholder=${
            this.placeholders[field] ??
            (field === 'cvc' && this.field ? cvcForBrand(this.groupBrand).name : undefined) ??
            (field === 'number' ? '1234 1234 1234 1234' : m.placeholders[field])
          }
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby="${field}-error"
          ?disabled=${this.disabled}
          .value=${this.#values[field]}
          @input=${(e: Event) => this.#onInput(field, e)}
          @keydown=${this.#onKeydown}
          @focus=${() => this.#emit('cardframe-focus', { field } satisfies FieldEventDetail)}
          @blur=${() => this.#onBlur(field)}
        />
        ${field === 'number' ? this.#renderBrand(this.#brand, m) : nothing}
      </div>
      <p class="error" id="${field}-error" ?hidden=${!invalid}>${invalid ? errorMessage(m, field, code) : nothing}</p>
    </div>`;
  }

  #renderBrand(brand: Scheme | 'unknown', m: Catalog): TemplateResult {
    return html`<span class="brand" role="img" aria-label=${brandName(m, brand)}
      ><svg viewBox="0 0 32 20" aria-hidden="true">${BRAND_ICONS[brand]}</svg></span
    >`;
  }

  #renderSaved(m: Catalog): TemplateResult | typeof nothing {
    const card = this.savedCard;
    if (!card) return nothing;
    const lastFour = card.maskedAccountNumber.replace(/\D/g, '').slice(-4);
    const expiry = `${String(card.expiryMonth).padStart(2, '0')}/${String(card.expiryYear % 100).padStart(2, '0')}`;
    const brand = brandName(m, card.scheme);
    return html`<div class="saved">
      <svg viewBox="0 0 32 20" aria-hidden="true">${BRAND_ICONS[card.scheme] ?? BRAND_ICONS.unknown}</svg>
      <span class="digits" dir="ltr" aria-hidden="true">•••• ${lastFour}</span>
      <span class="expires" aria-hidden="true">${m.expires} <bdi dir="ltr">${expiry}</bdi></span>
      <span class="sr-only">${fill(m.savedCard, { brand, last4: lastFour, expiry })}</span>
    </div>`;
  }

  get #locale(): SupportedLocale {
    return resolveLocale(this.locale, navigator.languages);
  }

  /**
   * The shopper's strings; English until theirs has loaded. Undefined only in the frame's
   * build before any catalog has loaded: the frame loads one before it creates the form.
   */
  get #catalog(): Catalog | undefined {
    return catalogFor(this.#locale);
  }

  #errorText(field: FieldName, code: ValidationErrorCode): string {
    const catalog = this.#catalog;
    return catalog ? errorMessage(catalog, field, code) : code;
  }

  get #fields(): FieldName[] {
    if (this.field) return [this.field];
    if (this.mode === 'cvc') return ['cvc'];
    return this.showCardholderName ? ['number', 'expiry', 'cvc', 'name'] : ['number', 'expiry', 'cvc'];
  }

  get #detection(): CardDetection {
    return detectCard(this.#values.number.replace(/\D/g, ''));
  }

  get #brand(): Scheme | 'unknown' {
    if (this.field && this.field !== 'number') return this.groupBrand ?? 'unknown';
    if (this.mode === 'cvc') return this.savedCard?.scheme ?? 'unknown';
    const brand = this.#detection.brand;
    return brand === 'other' ? 'unknown' : brand;
  }

  get #cvcLengths(): readonly number[] {
    if (this.field === 'cvc') return cvcForBrand(this.groupBrand).lengths;
    if (this.mode === 'cvc') return this.savedCard?.scheme === 'american express' ? [4] : [3];
    return this.#detection.cvcLengths;
  }

  #check(field: FieldName): FieldCheck {
    switch (field) {
      case 'number':
        return checkNumber(this.#values.number.replace(/\D/g, ''), this.allowedSchemes, this.#detection);
      case 'expiry':
        return checkExpiryField(this.#values.expiry);
      case 'cvc':
        return checkCvc(this.#values.cvc, this.#cvcLengths);
      case 'name':
        return checkName(this.#values.name);
    }
  }

  #visibleError(field: FieldName, check: FieldCheck): FieldCheck['error'] {
    if (!check.error) return undefined;
    return check.immediate || this.#shown.has(field) ? check.error : undefined;
  }

  #input(field: FieldName): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${field}-input`);
  }

  #onInput(field: FieldName, event: Event): void {
    const input = event.target as HTMLInputElement;
    // Autofill and some password managers fire a plain `input` Event, without inputType.
    const inputType = event instanceof InputEvent ? event.inputType : '';
    const before = this.#check(field);
    const previous = this.#values[field];
    if (field === 'name') {
      this.#values.name = input.value;
    } else {
      const caret = input.selectionStart ?? input.value.length;
      // Arabic-Indic, Persian and full-width digits (mobile keyboards, CJK IMEs) count as digits.
      const typed = toAsciiDigits(input.value);
      const next = reformatField(field, typed, caret, previous, inputType, this.#cvcLengths);
      input.value = next.value;
      input.setSelectionRange(next.caret, next.caret);
      this.#values[field] = next.value;
    }
    // The shopper is fixing this field: hide its old error until they leave it again.
    this.#shown.delete(field);
    const after = this.#check(field);
    if (after.immediate && after.error && after.error !== before.error) {
      this.#announce(this.#errorText(field, after.error));
    }
    this.requestUpdate();
    const typedAtEnd = inputType.startsWith('insert') && input.selectionStart === input.value.length;
    const final = field !== 'number' || this.#detection.isFinal;
    if (field !== 'name' && after.complete && final && typedAtEnd) this.#advanceFrom(field);
  }

  #advanceFrom(field: FieldName): void {
    const fields = this.#fields;
    const next = fields[fields.indexOf(field) + 1];
    if (next && !this.#check(next).complete) this.#input(next)?.focus();
    else if (!next && this.field) this.#emit('cardframe-advance', { field });
  }

  #onBlur(field: FieldName): void {
    const check = this.#check(field);
    if (!check.empty && !this.#shown.has(field)) {
      this.#shown.add(field);
      if (check.error && !check.immediate) this.#announce(this.#errorText(field, check.error));
      this.requestUpdate();
    }
    this.#emit('cardframe-blur', { field } satisfies FieldEventDetail);
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#emit('cardframe-submit', null);
    } else if (event.key === 'Escape') {
      this.#emit('cardframe-escape', null);
    } else if (event.key === 'Backspace' && this.field && (event.target as HTMLInputElement).value === '') {
      // Split fields: Backspace in an empty field goes back to the previous field's frame.
      this.#emit('cardframe-retreat', { field: this.field });
    }
  };

  /** Puts a message in the one polite live region (toggling a trailing space re-announces a repeat). */
  #announce(message: string): void {
    this._announcement = this._announcement === message ? `${message}\u00a0` : message;
  }

  #emit<
    K extends 'cardframe-change' | 'cardframe-focus' | 'cardframe-blur' | 'cardframe-submit' | 'cardframe-escape' | 'cardframe-advance' | 'cardframe-retreat',
  >(type: K, detail: HTMLElementEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
