import type { Catalog } from '../catalog.ts';

/** Lietuvių (lt): what the form shows and announces. */
export default {
  labels: {
    number: 'Kortelės numeris',
    expiry: 'Galiojimo data',
    cvc: 'Apsaugos kodas',
    name: 'Vardas ant kortelės',
  },
  placeholders: {
    expiry: 'MM / MM',
    cvc: 'CVC',
    name: 'Vardas ir pavardė',
  },
  errors: {
    numberIncomplete: 'Kortelės numeris neišsamus.',
    numberInvalid: 'Kortelės numeris neteisingas.',
    brandNotAccepted: 'Šio prekės ženklo kortelės nepriimamos.',
    expiryIncomplete: 'Kortelės galiojimo data neišsami.',
    expiryInvalid: 'Kortelės galiojimo data neteisinga.',
    expiryInPast: 'Kortelės galiojimo laikas jau baigėsi.',
    cvcIncomplete: 'Kortelės apsaugos kodas neišsamus.',
    nameMissing: 'Įveskite vardą, nurodytą ant kortelės.',
  },
  unknownCard: 'Kortelė',
  savedCard: '{brand}, kurios numeris baigiasi {last4}, galioja iki {expiry}',
  expires: 'Galioja iki',
  title: 'Saugi mokėjimo kortele forma',
} satisfies Catalog;
