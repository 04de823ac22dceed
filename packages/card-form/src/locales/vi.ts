import type { Catalog } from '../catalog.ts';

/** Tiếng Việt (vi): what the form shows and announces. */
export default {
  labels: {
    number: 'Số thẻ',
    expiry: 'Ngày hết hạn',
    cvc: 'Mã bảo mật',
    name: 'Tên trên thẻ',
  },
  placeholders: {
    expiry: 'TT / NN',
    cvc: 'CVC',
    name: 'Họ và tên',
  },
  errors: {
    numberIncomplete: 'Số thẻ của bạn chưa đầy đủ.',
    numberInvalid: 'Số thẻ của bạn không hợp lệ.',
    brandNotAccepted: 'Thương hiệu thẻ này không được chấp nhận.',
    expiryIncomplete: 'Ngày hết hạn của thẻ chưa đầy đủ.',
    expiryInvalid: 'Ngày hết hạn của thẻ không hợp lệ.',
    expiryInPast: 'Thẻ của bạn đã hết hạn.',
    cvcIncomplete: 'Mã bảo mật của thẻ chưa đầy đủ.',
    nameMissing: 'Nhập tên in trên thẻ của bạn.',
  },
  unknownCard: 'Thẻ',
  savedCard: '{brand} có số cuối {last4}, hết hạn {expiry}',
  expires: 'Hết hạn',
  title: 'Biểu mẫu thanh toán thẻ an toàn',
} satisfies Catalog;
