import type { Catalog } from '../catalog.ts';

/** Українська (uk): what the form shows and announces. */
export default {
  labels: {
    number: 'Номер картки',
    expiry: 'Термін дії',
    cvc: 'Код безпеки',
    name: 'Ім’я на картці',
  },
  placeholders: {
    expiry: 'ММ / РР',
    cvc: 'CVC',
    name: 'Ім’я та прізвище',
  },
  errors: {
    numberIncomplete: 'Номер картки введено не повністю.',
    numberInvalid: 'Недійсний номер картки.',
    brandNotAccepted: 'Картки цієї платіжної системи не приймаються.',
    expiryIncomplete: 'Термін дії картки введено не повністю.',
    expiryInvalid: 'Недійсний термін дії картки.',
    expiryInPast: 'Термін дії картки минув.',
    cvcIncomplete: 'Код безпеки картки введено не повністю.',
    nameMissing: 'Введіть ім’я, зазначене на картці.',
  },
  unknownCard: 'Картка',
  savedCard: '{brand}, закінчується на {last4}, діє до {expiry}',
  expires: 'Діє до',
  title: 'Безпечна форма оплати карткою',
} satisfies Catalog;
