import type { FrameMessages } from '../../catalog.ts';

/** 繁體中文 (zh-Hant): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: '無法載入此付款表單。',
  notAllowedHere: '此付款表單無法在這個網站上顯示。',
  sessionExpired: '此付款工作階段已過期。請重新載入頁面後再試一次。',
  sessionCompleted: '此付款工作階段已使用過。',
  sessionNotFound: '找不到此付款工作階段。',
  networkError: '無法連線至付款服務。請檢查網路連線後再試一次。',
  saveFailed: '無法儲存卡片。請再試一次。',
  incomplete: '請填寫完整的卡片資訊。',
  unsupportedBrowser: '此瀏覽器無法顯示付款表單。請更新瀏覽器或改用其他瀏覽器。',
  unavailable: '此付款表單目前無法使用。',
} satisfies FrameMessages;
