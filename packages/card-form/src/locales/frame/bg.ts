import type { FrameMessages } from '../../catalog.ts';

/** Български (bg): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Формулярът за плащане не можа да бъде зареден.',
  notAllowedHere: 'Този формуляр за плащане не може да се показва на този сайт.',
  sessionExpired: 'Сесията за плащане е изтекла. Презаредете страницата, за да опитате отново.',
  sessionCompleted: 'Тази сесия за плащане вече е използвана.',
  sessionNotFound: 'Сесията за плащане не е намерена.',
  networkError: 'Няма връзка с услугата за плащане. Проверете връзката си и опитайте отново.',
  saveFailed: 'Картата не можа да бъде запазена. Опитайте отново.',
  incomplete: 'Попълнете данните на картата.',
  unsupportedBrowser: 'Този браузър не може да покаже формуляра за плащане. Актуализирайте го или използвайте друг браузър.',
  unavailable: 'Формулярът за плащане в момента не е достъпен.',
} satisfies FrameMessages;
