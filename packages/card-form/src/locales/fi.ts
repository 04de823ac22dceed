import type { Catalog } from '../catalog.ts';

/** Suomi (fi): what the form shows and announces. */
export default {
  labels: {
    number: 'Kortin numero',
    expiry: 'Voimassaolopäivä',
    cvc: 'Turvakoodi',
    name: 'Nimi kortissa',
  },
  placeholders: {
    expiry: 'KK / VV',
    cvc: 'CVC',
    name: 'Koko nimi',
  },
  errors: {
    numberIncomplete: 'Kortin numero on puutteellinen.',
    numberInvalid: 'Kortin numero on virheellinen.',
    brandNotAccepted: 'Tätä korttimerkkiä ei hyväksytä.',
    expiryIncomplete: 'Kortin voimassaolopäivä on puutteellinen.',
    expiryInvalid: 'Kortin voimassaolopäivä on virheellinen.',
    expiryInPast: 'Kortin voimassaolo on päättynyt.',
    cvcIncomplete: 'Kortin turvakoodi on puutteellinen.',
    nameMissing: 'Anna kortissa oleva nimi.',
  },
  unknownCard: 'Kortti',
  savedCard: '{brand}, numeron loppu {last4}, voimassa {expiry} asti',
  expires: 'Voimassa',
  title: 'Suojattu korttimaksulomake',
} satisfies Catalog;
