import type { FrameMessages } from '../../catalog.ts';

/** 简体中文 (zh-Hans): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: '无法加载此支付表单。',
  notAllowedHere: '此支付表单无法在本网站上显示。',
  sessionExpired: '此支付会话已过期。请刷新页面后重试。',
  sessionCompleted: '此支付会话已被使用。',
  sessionNotFound: '未找到此支付会话。',
  networkError: '无法连接支付服务。请检查网络连接后重试。',
  saveFailed: '无法保存银行卡。请重试。',
  incomplete: '请填写完整的银行卡信息。',
  unsupportedBrowser: '此浏览器无法显示支付表单。请更新浏览器或改用其他浏览器。',
  unavailable: '此支付表单暂时不可用。',
} satisfies FrameMessages;
