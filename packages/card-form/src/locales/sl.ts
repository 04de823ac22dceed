import type { Catalog } from '../catalog.ts';

/** Slovenščina (sl): what the form shows and announces. */
export default {
  labels: {
    number: 'Številka kartice',
    expiry: 'Datum veljavnosti',
    cvc: 'Varnostna koda',
    name: 'Ime na kartici',
  },
  placeholders: {
    expiry: 'MM / LL',
    cvc: 'CVC',
    name: 'Ime in priimek',
  },
  errors: {
    numberIncomplete: 'Številka kartice je nepopolna.',
    numberInvalid: 'Številka kartice ni veljavna.',
    brandNotAccepted: 'Kartic te znamke ne sprejemamo.',
    expiryIncomplete: 'Datum veljavnosti kartice je nepopoln.',
    expiryInvalid: 'Datum veljavnosti kartice ni veljaven.',
    expiryInPast: 'Veljavnost kartice je že potekla.',
    cvcIncomplete: 'Varnostna koda kartice je nepopolna.',
    nameMissing: 'Vnesite ime, ki je na kartici.',
  },
  unknownCard: 'Kartica',
  savedCard: '{brand} s končnico {last4}, velja do {expiry}',
  expires: 'Velja do',
  title: 'Varen obrazec za plačilo s kartico',
} satisfies Catalog;
