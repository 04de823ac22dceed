import type { FrameMessages } from '../../catalog.ts';

/** Українська (uk): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Не вдалося завантажити платіжну форму.',
  notAllowedHere: 'Цю платіжну форму не можна показати на цьому сайті.',
  sessionExpired: 'Термін дії платіжної сесії минув. Перезавантажте сторінку й спробуйте ще раз.',
  sessionCompleted: 'Цю платіжну сесію вже використано.',
  sessionNotFound: 'Платіжну сесію не знайдено.',
  networkError: 'Не вдалося зв’язатися з платіжним сервісом. Перевірте з’єднання й спробуйте ще раз.',
  saveFailed: 'Не вдалося зберегти картку. Спробуйте ще раз.',
  incomplete: 'Заповніть дані картки.',
  unsupportedBrowser: 'Цей браузер не може показати платіжну форму. Оновіть його або скористайтеся іншим браузером.',
  unavailable: 'Платіжна форма зараз недоступна.',
} satisfies FrameMessages;
