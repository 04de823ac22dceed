import { fieldGroupChannel, type FrameParams } from '@cardframe/protocol';
import type { CardframeCardForm } from '@cardframe/card-form';
import { joinFieldGroup, randomId, type FieldGroup } from './field-group.ts';

/**
 * Split fields: opens this frame's vault-origin group channel and joins it, before the form
 * exists (so the other fields learn about this one early), and leaves on `pagehide` (an iframe
 * removed by unmount fires it) so a re-mounted field can claim the field again.
 */
export function startFieldGroup(
  win: Window,
  params: FrameParams & Required<Pick<FrameParams, 'field' | 'group'>>,
  form: () => Promise<CardframeCardForm>,
  onRefused: () => void,
): FieldGroup {
  const group = joinFieldGroup({
    channel: new BroadcastChannel(fieldGroupChannel(params.session, params.group)),
    field: params.field,
    id: randomId(),
    at: win.performance.timeOrigin + win.performance.now(),
    form,
    onRefused,
  });
  win.addEventListener('pagehide', () => group.leave(), { once: true });
  return group;
}

/** Wires one split field's form to its group: brand out of the number field, focus moves across frames. */
export function bindFieldForm(form: CardframeCardForm, group: FieldGroup): void {
  group.report(form.state);
  form.addEventListener('cardframe-advance', () => group.moveFocus(1));
  form.addEventListener('cardframe-retreat', () => group.moveFocus(-1));
  if (form.field === 'number') form.addEventListener('cardframe-change', (event) => group.announceBrand(event.detail.brand));
}
