import type { Catalog } from '../catalog.ts';

/** עברית (he): what the form shows and announces. */
export default {
  labels: {
    number: 'מספר כרטיס',
    expiry: 'תוקף',
    cvc: 'קוד אבטחה',
    name: 'שם בעל הכרטיס',
  },
  placeholders: {
    expiry: 'חח / שש',
    cvc: 'CVV',
    name: 'שם מלא',
  },
  errors: {
    numberIncomplete: 'מספר הכרטיס חלקי.',
    numberInvalid: 'מספר הכרטיס אינו תקין.',
    brandNotAccepted: 'סוג כרטיס זה אינו מתקבל.',
    expiryIncomplete: 'תאריך התוקף של הכרטיס חלקי.',
    expiryInvalid: 'תאריך התוקף של הכרטיס אינו תקין.',
    expiryInPast: 'תוקף הכרטיס פג.',
    cvcIncomplete: 'קוד האבטחה של הכרטיס חלקי.',
    nameMissing: 'יש להזין את השם המופיע על הכרטיס.',
  },
  unknownCard: 'כרטיס',
  brands: {
    visa: 'ויזה',
    mastercard: 'מאסטרקארד',
    'american express': 'אמריקן אקספרס',
    'diners club': 'דיינרס',
  },
  savedCard: '{brand} המסתיים ב-{last4}, בתוקף עד {expiry}',
  expires: 'בתוקף עד',
  title: 'טופס מאובטח לתשלום בכרטיס',
} satisfies Catalog;
