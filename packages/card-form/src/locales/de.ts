import type { Catalog } from '../catalog.ts';

/** Deutsch (de): what the form shows and announces. */
export default {
  labels: {
    number: 'Kartennummer',
    expiry: 'Ablaufdatum',
    cvc: 'Sicherheitscode',
    name: 'Name auf der Karte',
  },
  placeholders: {
    expiry: 'MM / JJ',
    cvc: 'CVC',
    name: 'Vollständiger Name',
  },
  errors: {
    numberIncomplete: 'Ihre Kartennummer ist unvollständig.',
    numberInvalid: 'Ihre Kartennummer ist ungültig.',
    brandNotAccepted: 'Diese Kartenmarke wird nicht akzeptiert.',
    expiryIncomplete: 'Das Ablaufdatum Ihrer Karte ist unvollständig.',
    expiryInvalid: 'Das Ablaufdatum Ihrer Karte ist ungültig.',
    expiryInPast: 'Das Ablaufdatum Ihrer Karte liegt in der Vergangenheit.',
    cvcIncomplete: 'Der Sicherheitscode Ihrer Karte ist unvollständig.',
    nameMissing: 'Geben Sie den Namen auf Ihrer Karte ein.',
  },
  unknownCard: 'Karte',
  savedCard: '{brand} mit den Endziffern {last4}, gültig bis {expiry}',
  expires: 'Gültig bis',
  title: 'Sicheres Formular für Kartenzahlungen',
} satisfies Catalog;
