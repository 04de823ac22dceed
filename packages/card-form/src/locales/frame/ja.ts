import type { FrameMessages } from '../../catalog.ts';

/** 日本語 (ja): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'この決済フォームを読み込めませんでした。',
  notAllowedHere: 'この決済フォームはこのサイトでは表示できません。',
  sessionExpired: 'この決済セッションは有効期限が切れています。ページを再読み込みして、もう一度お試しください。',
  sessionCompleted: 'この決済セッションはすでに使用されています。',
  sessionNotFound: 'この決済セッションが見つかりませんでした。',
  networkError: '決済サービスに接続できませんでした。接続を確認して、もう一度お試しください。',
  saveFailed: 'カードを保存できませんでした。もう一度お試しください。',
  incomplete: 'カード情報をすべて入力してください。',
  unsupportedBrowser: 'このブラウザでは決済フォームを表示できません。ブラウザを更新するか、別のブラウザをご利用ください。',
  unavailable: 'この決済フォームは現在ご利用いただけません。',
} satisfies FrameMessages;
