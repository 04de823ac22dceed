import type { Catalog } from '../catalog.ts';

/** Türkçe (tr): what the form shows and announces. */
export default {
  labels: {
    number: 'Kart numarası',
    expiry: 'Son kullanma tarihi',
    cvc: 'Güvenlik kodu',
    name: 'Kart üzerindeki isim',
  },
  placeholders: {
    expiry: 'AA / YY',
    cvc: 'CVC',
    name: 'Ad soyad',
  },
  errors: {
    numberIncomplete: 'Kart numaranız eksik.',
    numberInvalid: 'Kart numaranız geçersiz.',
    brandNotAccepted: 'Bu kart markası kabul edilmiyor.',
    expiryIncomplete: 'Kartınızın son kullanma tarihi eksik.',
    expiryInvalid: 'Kartınızın son kullanma tarihi geçersiz.',
    expiryInPast: 'Kartınızın son kullanma tarihi geçmiş.',
    cvcIncomplete: 'Kartınızın güvenlik kodu eksik.',
    nameMissing: 'Kartınızın üzerindeki ismi girin.',
  },
  unknownCard: 'Kart',
  savedCard: 'Son dört hanesi {last4} olan {brand}, son kullanma {expiry}',
  expires: 'Son kullanma',
  title: 'Güvenli kartla ödeme formu',
} satisfies Catalog;
