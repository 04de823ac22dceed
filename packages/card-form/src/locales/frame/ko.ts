import type { FrameMessages } from '../../catalog.ts';

/** 한국어 (ko): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: '결제 양식을 불러올 수 없습니다.',
  notAllowedHere: '이 결제 양식은 이 사이트에 표시할 수 없습니다.',
  sessionExpired: '결제 세션이 만료되었습니다. 페이지를 새로 고친 후 다시 시도하세요.',
  sessionCompleted: '이 결제 세션은 이미 사용되었습니다.',
  sessionNotFound: '결제 세션을 찾을 수 없습니다.',
  networkError: '결제 서비스에 연결할 수 없습니다. 연결 상태를 확인한 후 다시 시도하세요.',
  saveFailed: '카드를 저장할 수 없습니다. 다시 시도하세요.',
  incomplete: '카드 정보를 모두 입력하세요.',
  unsupportedBrowser: '이 브라우저에서는 결제 양식을 표시할 수 없습니다. 브라우저를 업데이트하거나 다른 브라우저를 사용하세요.',
  unavailable: '지금은 이 결제 양식을 사용할 수 없습니다.',
} satisfies FrameMessages;
