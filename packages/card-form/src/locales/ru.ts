import type { Catalog } from '../catalog.ts';

/** Русский (ru): what the form shows and announces. */
export default {
  labels: {
    number: 'Номер карты',
    expiry: 'Срок действия',
    cvc: 'Код безопасности',
    name: 'Имя на карте',
  },
  placeholders: {
    expiry: 'ММ / ГГ',
    cvc: 'CVC',
    name: 'Имя и фамилия',
  },
  errors: {
    numberIncomplete: 'Номер карты введён не полностью.',
    numberInvalid: 'Неверный номер карты.',
    brandNotAccepted: 'Карты этой платёжной системы не принимаются.',
    expiryIncomplete: 'Срок действия карты введён не полностью.',
    expiryInvalid: 'Неверный срок действия карты.',
    expiryInPast: 'Срок действия карты истёк.',
    cvcIncomplete: 'Код безопасности карты введён не полностью.',
    nameMissing: 'Введите имя, указанное на карте.',
  },
  unknownCard: 'Карта',
  savedCard: '{brand}, оканчивается на {last4}, действует до {expiry}',
  expires: 'Действует до',
  title: 'Безопасная форма оплаты картой',
} satisfies Catalog;
