import type { FrameMessages } from '../../catalog.ts';

/** Magyar (hu): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'A fizetési űrlapot nem sikerült betölteni.',
  notAllowedHere: 'Ez a fizetési űrlap ezen a webhelyen nem jeleníthető meg.',
  sessionExpired: 'A fizetési munkamenet lejárt. Töltse be újra az oldalt, és próbálja újra.',
  sessionCompleted: 'Ezt a fizetési munkamenetet már felhasználták.',
  sessionNotFound: 'A fizetési munkamenet nem található.',
  networkError: 'A fizetési szolgáltatás nem érhető el. Ellenőrizze a kapcsolatot, és próbálja újra.',
  saveFailed: 'A kártyát nem sikerült menteni. Próbálja újra.',
  incomplete: 'Adja meg a kártya összes adatát.',
  unsupportedBrowser: 'Ez a böngésző nem tudja megjeleníteni a fizetési űrlapot. Frissítse, vagy használjon másik böngészőt.',
  unavailable: 'A fizetési űrlap jelenleg nem érhető el.',
} satisfies FrameMessages;
