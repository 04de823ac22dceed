import { shallowRef, type ShallowRef } from 'vue';
import { CardframeError, type Cardframe } from '@cardframe/sdk';
import { useCardframeState } from './cardframe-state.ts';

/** The SDK instance (null until ready) and the session's last error, for rendering. */
export function useCardframe(): {
  cardframe: Readonly<ShallowRef<Cardframe | null>>;
  error: Readonly<ShallowRef<CardframeError | null>>;
} {
  const { cardframe, error } = useCardframeState();
  return { cardframe, error };
}

/** What a submit resolves to. It never rejects: a failure is `{ error }`, also emitted by the provider. */
export type SubmitOutcome = { tokenId: string; error?: undefined } | { tokenId?: undefined; error: CardframeError };

/**
 * Submits the card on the page: the combined `<CardElement>` if one is mounted, else the split
 * fields as one card (the group). Resolves with the token id only; card data never reaches Vue.
 */
export function useSubmit(): { submit: () => Promise<SubmitOutcome>; submitting: Readonly<ShallowRef<boolean>> } {
  const { cardframe, elements, report } = useCardframeState();
  const submitting = shallowRef(false);
  async function submit(): Promise<SubmitOutcome> {
    const target = elements.get('card') ?? (elements.size > 0 ? cardframe.value?.group : undefined);
    if (!target) return { error: report(new CardframeError('NOT_MOUNTED', 'No card element is mounted')) };
    submitting.value = true;
    try {
      const { tokenId } = await target.submit();
      return { tokenId };
    } catch (reason) {
      return { error: report(reason) };
    } finally {
      submitting.value = false;
    }
  }
  return { submit, submitting };
}
