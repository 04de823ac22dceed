import type { FrameMessages } from '../../catalog.ts';

/** Latviešu (lv): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Maksājuma veidlapu neizdevās ielādēt.',
  notAllowedHere: 'Šo maksājuma veidlapu nevar parādīt šajā vietnē.',
  sessionExpired: 'Maksājuma sesijas derīgums ir beidzies. Lai mēģinātu vēlreiz, pārlādējiet lapu.',
  sessionCompleted: 'Šī maksājuma sesija jau ir izmantota.',
  sessionNotFound: 'Maksājuma sesija netika atrasta.',
  networkError: 'Nevar sazināties ar maksājumu pakalpojumu. Pārbaudiet savienojumu un mēģiniet vēlreiz.',
  saveFailed: 'Karti neizdevās saglabāt. Lūdzu, mēģiniet vēlreiz.',
  incomplete: 'Lūdzu, aizpildiet kartes datus.',
  unsupportedBrowser: 'Šī pārlūkprogramma nevar parādīt maksājuma veidlapu. Lūdzu, atjauniniet to vai izmantojiet citu pārlūkprogrammu.',
  unavailable: 'Šī maksājuma veidlapa pašlaik nav pieejama.',
} satisfies FrameMessages;
