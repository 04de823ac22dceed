import type { Catalog } from '../catalog.ts';

/** Bahasa Melayu (ms): what the form shows and announces. */
export default {
  labels: {
    number: 'Nombor kad',
    expiry: 'Tarikh luput',
    cvc: 'Kod keselamatan',
    name: 'Nama pada kad',
  },
  placeholders: {
    expiry: 'BB / TT',
    cvc: 'CVC',
    name: 'Nama penuh',
  },
  errors: {
    numberIncomplete: 'Nombor kad anda tidak lengkap.',
    numberInvalid: 'Nombor kad anda tidak sah.',
    brandNotAccepted: 'Jenama kad ini tidak diterima.',
    expiryIncomplete: 'Tarikh luput kad anda tidak lengkap.',
    expiryInvalid: 'Tarikh luput kad anda tidak sah.',
    expiryInPast: 'Kad anda telah luput.',
    cvcIncomplete: 'Kod keselamatan kad anda tidak lengkap.',
    nameMissing: 'Masukkan nama yang tertera pada kad anda.',
  },
  unknownCard: 'Kad',
  savedCard: '{brand} berakhir dengan {last4}, luput {expiry}',
  expires: 'Luput',
  title: 'Borang pembayaran kad yang selamat',
} satisfies Catalog;
