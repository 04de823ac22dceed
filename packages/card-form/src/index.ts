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
