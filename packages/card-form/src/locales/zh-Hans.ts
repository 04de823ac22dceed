import type { Catalog } from '../catalog.ts';

/** 简体中文 (zh-Hans): what the form shows and announces. */
export default {
  labels: {
    number: '卡号',
    expiry: '有效期',
    cvc: '安全码',
    name: '持卡人姓名',
  },
  placeholders: {
    expiry: 'MM / YY',
    cvc: 'CVC',
    name: '姓名',
  },
  errors: {
    numberIncomplete: '卡号不完整。',
    numberInvalid: '卡号无效。',
    brandNotAccepted: '不支持此卡品牌。',
    expiryIncomplete: '有效期不完整。',
    expiryInvalid: '有效期无效。',
    expiryInPast: '卡片已过期。',
    cvcIncomplete: '安全码不完整。',
    nameMissing: '请输入卡片上的姓名。',
  },
  unknownCard: '银行卡',
  brands: {
    'american express': '美国运通',
    'diners club': '大来卡',
    mastercard: '万事达卡',
    unionpay: '银联',
  },
  savedCard: '尾号为 {last4} 的{brand}，有效期至 {expiry}',
  expires: '有效期至',
  title: '安全的银行卡支付表单',
} satisfies Catalog;
