import { useCallback, useState } from 'react';
import { CardframeError, type Cardframe } from '@cardframe/sdk';
import { useCardframeContext } from './cardframe-context.ts';

/** The SDK instance (null until ready) and the session's last error, for rendering. */
export function useCardframe(): { cardframe: Cardframe | null; error: CardframeError | null } {
  const { cardframe, error } = useCardframeContext();
  return { cardframe, error };
}

/** What a submit resolves to. It never rejects: a failure is `{ error }`, also sent to the provider's `onError`. */
export type SubmitOutcome = { tokenId: string; error?: undefined } | { tokenId?: undefined; error: CardframeError };

/**
 * Submits the card on the page: the combined `<CardElement>` if one is mounted, else the split
 * fields as one card (the group). Resolves with the token id only; card data never reaches React.
 */
export function useSubmit(): { submit: () => Promise<SubmitOutcome>; submitting: boolean } {
  const { cardframe, elements, report } = useCardframeContext();
  const [submitting, setSubmitting] = useState(false);
  const submit = useCallback(async (): Promise<SubmitOutcome> => {
    const target = elements.get('card') ?? (elements.size > 0 ? cardframe?.group : undefined);
    if (!target) return { error: report(new CardframeError('NOT_MOUNTED', 'No card element is mounted')) };
    setSubmitting(true);
    try {
      const { tokenId } = await target.submit();
      return { tokenId };
    } catch (reason) {
      return { error: report(reason) };
    } finally {
      setSubmitting(false);
    }
  }, [cardframe, elements, report]);
  return { submit, submitting };
}
