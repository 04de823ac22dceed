import type { Catalog } from '../catalog.ts';

/** Bahasa Indonesia (id): what the form shows and announces. */
export default {
  labels: {
    number: 'Nomor kartu',
    expiry: 'Tanggal kedaluwarsa',
    cvc: 'Kode keamanan',
    name: 'Nama pada kartu',
  },
  placeholders: {
    expiry: 'BB / TT',
    cvc: 'CVC',
    name: 'Nama lengkap',
  },
  errors: {
    numberIncomplete: 'Nomor kartu Anda belum lengkap.',
    numberInvalid: 'Nomor kartu Anda tidak valid.',
    brandNotAccepted: 'Merek kartu ini tidak diterima.',
    expiryIncomplete: 'Tanggal kedaluwarsa kartu Anda belum lengkap.',
    expiryInvalid: 'Tanggal kedaluwarsa kartu Anda tidak valid.',
    expiryInPast: 'Kartu Anda sudah kedaluwarsa.',
    cvcIncomplete: 'Kode keamanan kartu Anda belum lengkap.',
    nameMissing: 'Masukkan nama yang tertera pada kartu Anda.',
  },
  unknownCard: 'Kartu',
  savedCard: '{brand} berakhiran {last4}, berlaku hingga {expiry}',
  expires: 'Berlaku hingga',
  title: 'Formulir pembayaran kartu yang aman',
} satisfies Catalog;
