import type { Catalog } from '../catalog.ts';

/** 한국어 (ko): what the form shows and announces. */
export default {
  labels: {
    number: '카드 번호',
    expiry: '유효 기간',
    cvc: '보안 코드',
    name: '카드 소유자 이름',
  },
  placeholders: {
    expiry: 'MM / YY',
    cvc: 'CVC',
    name: '이름',
  },
  errors: {
    numberIncomplete: '카드 번호가 완전하지 않습니다.',
    numberInvalid: '카드 번호가 유효하지 않습니다.',
    brandNotAccepted: '이 카드 브랜드는 사용할 수 없습니다.',
    expiryIncomplete: '카드 유효 기간이 완전하지 않습니다.',
    expiryInvalid: '카드 유효 기간이 유효하지 않습니다.',
    expiryInPast: '카드 유효 기간이 지났습니다.',
    cvcIncomplete: '카드 보안 코드가 완전하지 않습니다.',
    nameMissing: '카드에 표시된 이름을 입력하세요.',
  },
  unknownCard: '카드',
  brands: {
    'american express': '아메리칸 익스프레스',
    'diners club': '다이너스 클럽',
    unionpay: '유니온페이',
  },
  savedCard: '끝자리 {last4} {brand}, 유효 기간 {expiry}',
  expires: '유효 기간',
  title: '안전한 카드 결제 양식',
} satisfies Catalog;
