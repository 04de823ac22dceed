import type { FrameMessages } from '../../catalog.ts';

/** Lietuvių (lt): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Nepavyko įkelti šios mokėjimo formos.',
  notAllowedHere: 'Šios mokėjimo formos negalima rodyti šioje svetainėje.',
  sessionExpired: 'Mokėjimo sesija baigėsi. Įkelkite puslapį iš naujo ir bandykite dar kartą.',
  sessionCompleted: 'Ši mokėjimo sesija jau panaudota.',
  sessionNotFound: 'Mokėjimo sesija nerasta.',
  networkError: 'Nepavyko susisiekti su mokėjimo paslauga. Patikrinkite ryšį ir bandykite dar kartą.',
  saveFailed: 'Nepavyko išsaugoti kortelės. Bandykite dar kartą.',
  incomplete: 'Užpildykite kortelės duomenis.',
  unsupportedBrowser: 'Ši naršyklė negali parodyti mokėjimo formos. Atnaujinkite ją arba naudokite kitą naršyklę.',
  unavailable: 'Ši mokėjimo forma šiuo metu nepasiekiama.',
} satisfies FrameMessages;
