export { CardframeCardForm } from './card-form.ts';
export type {
  CardFormMode,
  CollectedCard,
  CollectedFullCard,
  CollectedSecurityCode,
  CollectResult,
  FieldEventDetail,
  SavedCard,
} from './card-form-types.ts';
export { assembleCard, cvcForBrand, type CardParts, type PartResult } from './split-field.ts';
