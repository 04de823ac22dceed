import type { Catalog } from '../catalog.ts';

/** 日本語 (ja): what the form shows and announces. */
export default {
  labels: {
    number: 'カード番号',
    expiry: '有効期限',
    cvc: 'セキュリティコード',
    name: 'カード名義',
  },
  placeholders: {
    expiry: 'MM / YY',
    cvc: 'CVC',
    name: 'TARO YAMADA',
  },
  errors: {
    numberIncomplete: 'カード番号が不完全です。',
    numberInvalid: 'カード番号が無効です。',
    brandNotAccepted: 'このカードブランドはご利用いただけません。',
    expiryIncomplete: '有効期限が不完全です。',
    expiryInvalid: '有効期限が無効です。',
    expiryInPast: '有効期限が過ぎています。',
    cvcIncomplete: 'セキュリティコードが不完全です。',
    nameMissing: 'カードに記載されている名義を入力してください。',
  },
  unknownCard: 'カード',
  brands: {
    'american express': 'アメリカン・エキスプレス',
    'diners club': 'ダイナースクラブ',
    unionpay: '銀聯',
  },
  savedCard: '末尾 {last4} の{brand}、有効期限 {expiry}',
  expires: '有効期限',
  title: '安全なカード決済フォーム',
} satisfies Catalog;
