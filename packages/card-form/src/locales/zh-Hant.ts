import type { Catalog } from '../catalog.ts';

/** 繁體中文 (zh-Hant): what the form shows and announces. */
export default {
  labels: {
    number: '卡號',
    expiry: '到期日',
    cvc: '安全碼',
    name: '持卡人姓名',
  },
  placeholders: {
    expiry: 'MM / YY',
    cvc: 'CVC',
    name: '姓名',
  },
  errors: {
    numberIncomplete: '卡號不完整。',
    numberInvalid: '卡號無效。',
    brandNotAccepted: '不接受此卡片品牌。',
    expiryIncomplete: '到期日不完整。',
    expiryInvalid: '到期日無效。',
    expiryInPast: '卡片已過期。',
    cvcIncomplete: '安全碼不完整。',
    nameMissing: '請輸入卡片上的姓名。',
  },
  unknownCard: '卡片',
  brands: {
    'american express': '美國運通',
    'diners club': '大來卡',
    mastercard: '萬事達卡',
    unionpay: '銀聯',
  },
  savedCard: '末四碼 {last4} 的{brand}，到期日 {expiry}',
  expires: '到期日',
  title: '安全的信用卡付款表單',
} satisfies Catalog;
