import { CardframeError, type Cardframe, type CardElement, type SubmitResult } from '@cardframe/sdk';
import { createHellgateElement } from './hellgate-element.ts';
import { HellgateError, unsupported } from './hellgate-error.ts';
import { mapElementOptions, mapFormFieldsOptions } from './map-options.ts';
import { failure } from './map-state.ts';
import type { AdditionalData, CardHandler, FormFields, HellgateElement, ProcessResult, SessionResult } from './types.ts';

/**
 * Hellgate's card handler over one Cardframe instance. `createForm()` is Cardframe's combined card
 * element; `createFormFields()` and `createTextField()` are its split fields (number, expiry, CVC, and the
 * cardholder name), which submit together as one card. `process()` is that one submit.
 */
export function createCardHandler(cardframe: Cardframe, onComplete: (result: SessionResult) => void): CardHandler {
  /** What process() submits: the combined form, or the split group. */
  let form: CardElement | undefined;
  let fields = false;
  let textField: HellgateElement | undefined;
  const elements = new Set<CardElement>();
  const listeners = new Set<() => void>();

  const track = (off: () => void) => {
    listeners.add(off);
    return () => {
      listeners.delete(off);
      off();
    };
  };
  const wrap = (element: CardElement, field: Parameters<typeof createHellgateElement>[1]): HellgateElement => {
    elements.add(element);
    return createHellgateElement(element, field, track);
  };
  const once = (what: string, created: boolean) => {
    if (created) throw new HellgateError('INVALID_OPTIONS', `${what} was already called: call reset() first`);
  };

  function submit(additionalData: AdditionalData | undefined): Promise<SubmitResult> {
    if (additionalData !== undefined && (typeof additionalData !== 'object' || additionalData === null)) {
      throw new HellgateError('INVALID_OPTIONS', 'additionalData: not an object');
    }
    for (const key of Object.keys(additionalData ?? {})) {
      if (key !== 'cardholder_name') {
        throw unsupported(`additionalData.${key.slice(0, 40)}`, 'the vault stores the card and the cardholder name only');
      }
    }
    const name = additionalData?.cardholder_name;
    if (typeof name === 'string') {
      throw unsupported(
        'additionalData.cardholder_name as a string',
        'pass the createTextField() element; the name is then typed in a vault-origin frame and encrypted with the card',
      );
    }
    if (name !== undefined && name !== textField) {
      throw new HellgateError('INVALID_OPTIONS', 'additionalData.cardholder_name: not this handler’s createTextField() element');
    }
    // The text field is Cardframe's name field: whatever the shopper typed goes with the card as its name.
    if (textField && name === undefined) {
      throw new HellgateError('INVALID_OPTIONS', 'the createTextField() element is sent as the cardholder name: pass it as additionalData.cardholder_name');
    }
    if (form) return form.submit();
    if (fields) return cardframe.group.submit();
    throw new HellgateError('NOT_CREATED', 'call createForm() or createFormFields() before process()');
  }

  return Object.freeze({
    createForm(options) {
      once('createForm() or createFormFields()', form !== undefined || fields);
      form = cardframe.card(mapElementOptions(options, undefined, 'options'));
      return wrap(form, undefined);
    },
    createFormFields(options): FormFields {
      once('createForm() or createFormFields()', form !== undefined || fields);
      const mapped = mapFormFieldsOptions(options);
      // Options are mapped for all three first. A field the SDK refuses (INVALID_STYLE) leaves the ones before it
      // frameless until mount(), and `fields` unset: a corrected call replaces them in the group.
      const result = {
        cardNumber: wrap(cardframe.cardNumber(mapped.cardNumber), 'number'),
        expiryDate: wrap(cardframe.cardExpiry(mapped.expiryDate), 'expiry'),
        securityCode: wrap(cardframe.cardCvc(mapped.securityCode), 'cvc'),
      };
      fields = true;
      return result;
    },
    createTextField(options) {
      once('createTextField() (Cardframe has one text field, the cardholder name)', textField !== undefined);
      if (form) throw unsupported('createTextField() with createForm()', 'the form has its own name field; use createFormFields() for separate fields');
      const { placeholder, style, ...rest } = options ?? {};
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) throw new HellgateError('INVALID_OPTIONS', `options: unknown option "${extra.slice(0, 40)}"`);
      textField = wrap(cardframe.cardholderName(mapElementOptions({ placeholder, style }, 'name', 'options')), 'name');
      return textField;
    },
    async process(additionalData): Promise<ProcessResult> {
      let result: SubmitResult;
      try {
        result = await submit(additionalData);
      } catch (error) {
        if (error instanceof CardframeError) return failure(error);
        throw error;
      }
      const done: SessionResult = { status: 'success', data: { token_id: result.tokenId } };
      onComplete(done);
      return { status: 'success', data: { token_id: result.tokenId } };
    },
    reset() {
      for (const off of [...listeners]) off();
      listeners.clear();
      for (const element of elements) element.unmount();
      elements.clear();
      form = textField = undefined;
      fields = false;
    },
  } satisfies CardHandler);
}
