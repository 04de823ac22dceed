/**
 * The card form's height in CSS px before anything is typed, per layout. The form's theme
 * fixes every row's height in px (labels 16, inputs 24 + 4, cells 8 + 6 padding, 1 px
 * borders), so the height does not depend on the engine's fonts; the saved-card row of the
 * CVC form is sized to match the card number row, so both modes have the same height.
 *
 * The SDK gives the iframe this height before the frame loads, so mounting shifts nothing
 * (CLS 0): an iframe's default is 150 px, and a frame that shrinks at `ready` moves the
 * merchant's Pay button. card-form tests hold the rendered form to these numbers.
 * Two cases still resize at `ready` (and so shift): a merchant style that changes `lineHeight`,
 * `padding` or `fontSize` of the inputs, and a container narrower than 261 px, where the form
 * stacks expiry and CVC (one more row). The SDK does not measure either: its 4 KB budget.
 */
/** Number row + expiry/CVC row (card mode), or saved card row + CVC row (cvc mode). */
export const FORM_HEIGHT_TWO_ROWS = 119;
/** Card mode with the cardholder name row. */
export const FORM_HEIGHT_WITH_NAME = 178;
