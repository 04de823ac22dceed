import type { FrameMessages } from '../../catalog.ts';

/** Suomi (fi): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Maksulomaketta ei voitu ladata.',
  notAllowedHere: 'Maksulomaketta ei voi näyttää tällä sivustolla.',
  sessionExpired: 'Maksuistunto on vanhentunut. Lataa sivu uudelleen ja yritä uudelleen.',
  sessionCompleted: 'Tämä maksuistunto on jo käytetty.',
  sessionNotFound: 'Maksuistuntoa ei löytynyt.',
  networkError: 'Maksupalveluun ei saatu yhteyttä. Tarkista yhteys ja yritä uudelleen.',
  saveFailed: 'Korttia ei voitu tallentaa. Yritä uudelleen.',
  incomplete: 'Täytä kortin tiedot.',
  unsupportedBrowser: 'Tämä selain ei pysty näyttämään maksulomaketta. Päivitä selain tai käytä toista selainta.',
  unavailable: 'Maksulomake ei ole juuri nyt käytettävissä.',
} satisfies FrameMessages;
