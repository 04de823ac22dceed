import type { Catalog } from '../catalog.ts';

/** Eesti (et): what the form shows and announces. */
export default {
  labels: {
    number: 'Kaardi number',
    expiry: 'Kehtivusaeg',
    cvc: 'Turvakood',
    name: 'Nimi kaardil',
  },
  placeholders: {
    expiry: 'KK / AA',
    cvc: 'CVC',
    name: 'Täisnimi',
  },
  errors: {
    numberIncomplete: 'Kaardi number on puudulik.',
    numberInvalid: 'Kaardi number on vigane.',
    brandNotAccepted: 'Seda kaardibrändi ei aktsepteerita.',
    expiryIncomplete: 'Kaardi kehtivusaeg on puudulik.',
    expiryInvalid: 'Kaardi kehtivusaeg on vigane.',
    expiryInPast: 'Kaardi kehtivusaeg on möödas.',
    cvcIncomplete: 'Kaardi turvakood on puudulik.',
    nameMissing: 'Sisestage kaardil olev nimi.',
  },
  unknownCard: 'Kaart',
  savedCard: '{brand}, mis lõpeb numbritega {last4}, kehtib kuni {expiry}',
  expires: 'Kehtib kuni',
  title: 'Turvaline kaardimakse vorm',
} satisfies Catalog;
