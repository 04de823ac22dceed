import type { Catalog } from '../catalog.ts';

/** ไทย (th): what the form shows and announces. */
export default {
  labels: {
    number: 'หมายเลขบัตร',
    expiry: 'วันหมดอายุ',
    cvc: 'รหัสความปลอดภัย',
    name: 'ชื่อบนบัตร',
  },
  placeholders: {
    expiry: 'ดด / ปป',
    cvc: 'CVC',
    name: 'ชื่อ-นามสกุล',
  },
  errors: {
    numberIncomplete: 'หมายเลขบัตรไม่ครบถ้วน',
    numberInvalid: 'หมายเลขบัตรไม่ถูกต้อง',
    brandNotAccepted: 'ไม่รับบัตรแบรนด์นี้',
    expiryIncomplete: 'วันหมดอายุของบัตรไม่ครบถ้วน',
    expiryInvalid: 'วันหมดอายุของบัตรไม่ถูกต้อง',
    expiryInPast: 'บัตรของคุณหมดอายุแล้ว',
    cvcIncomplete: 'รหัสความปลอดภัยของบัตรไม่ครบถ้วน',
    nameMissing: 'กรอกชื่อตามที่ปรากฏบนบัตร',
  },
  unknownCard: 'บัตร',
  savedCard: '{brand} ลงท้ายด้วย {last4} หมดอายุ {expiry}',
  expires: 'หมดอายุ',
  title: 'แบบฟอร์มชำระเงินด้วยบัตรที่ปลอดภัย',
} satisfies Catalog;
