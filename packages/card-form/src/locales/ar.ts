import type { Catalog } from '../catalog.ts';

/** العربية (ar): what the form shows and announces. */
export default {
  labels: {
    number: 'رقم البطاقة',
    expiry: 'تاريخ الانتهاء',
    cvc: 'رمز الأمان',
    name: 'الاسم على البطاقة',
  },
  placeholders: {
    expiry: 'شهر / سنة',
    cvc: 'CVC',
    name: 'الاسم الكامل',
  },
  errors: {
    numberIncomplete: 'رقم البطاقة غير مكتمل.',
    numberInvalid: 'رقم البطاقة غير صالح.',
    brandNotAccepted: 'نوع البطاقة هذا غير مقبول.',
    expiryIncomplete: 'تاريخ انتهاء البطاقة غير مكتمل.',
    expiryInvalid: 'تاريخ انتهاء البطاقة غير صالح.',
    expiryInPast: 'تاريخ انتهاء البطاقة قد مضى.',
    cvcIncomplete: 'رمز أمان البطاقة غير مكتمل.',
    nameMissing: 'أدخل الاسم المكتوب على البطاقة.',
  },
  unknownCard: 'بطاقة',
  brands: {
    visa: 'فيزا',
    mastercard: 'ماستركارد',
    'american express': 'أمريكان إكسبريس',
    unionpay: 'يونيون باي',
  },
  savedCard: '{brand} المنتهية بـ {last4}، تنتهي صلاحيتها في {expiry}',
  expires: 'تنتهي في',
  title: 'نموذج آمن للدفع بالبطاقة',
} satisfies Catalog;
