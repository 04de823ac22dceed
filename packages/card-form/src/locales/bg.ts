import type { Catalog } from '../catalog.ts';

/** Български (bg): what the form shows and announces. */
export default {
  labels: {
    number: 'Номер на картата',
    expiry: 'Валидност',
    cvc: 'Код за сигурност',
    name: 'Име върху картата',
  },
  placeholders: {
    expiry: 'ММ / ГГ',
    cvc: 'CVC',
    name: 'Пълно име',
  },
  errors: {
    numberIncomplete: 'Номерът на картата е непълен.',
    numberInvalid: 'Номерът на картата е невалиден.',
    brandNotAccepted: 'Карти от тази марка не се приемат.',
    expiryIncomplete: 'Срокът на валидност на картата е непълен.',
    expiryInvalid: 'Срокът на валидност на картата е невалиден.',
    expiryInPast: 'Срокът на валидност на картата е изтекъл.',
    cvcIncomplete: 'Кодът за сигурност на картата е непълен.',
    nameMissing: 'Въведете името, изписано върху картата.',
  },
  unknownCard: 'Карта',
  savedCard: '{brand}, завършваща на {last4}, валидна до {expiry}',
  expires: 'Валидна до',
  title: 'Защитен формуляр за плащане с карта',
} satisfies Catalog;
