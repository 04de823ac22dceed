import type { FrameMessages } from '../../catalog.ts';

/** Русский (ru): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Не удалось загрузить платёжную форму.',
  notAllowedHere: 'Эту платёжную форму нельзя показать на этом сайте.',
  sessionExpired: 'Платёжная сессия истекла. Перезагрузите страницу и попробуйте снова.',
  sessionCompleted: 'Эта платёжная сессия уже использована.',
  sessionNotFound: 'Платёжная сессия не найдена.',
  networkError: 'Не удалось связаться с платёжным сервисом. Проверьте подключение и попробуйте снова.',
  saveFailed: 'Не удалось сохранить карту. Попробуйте снова.',
  incomplete: 'Заполните данные карты.',
  unsupportedBrowser: 'Этот браузер не может показать платёжную форму. Обновите его или воспользуйтесь другим браузером.',
  unavailable: 'Платёжная форма сейчас недоступна.',
} satisfies FrameMessages;
