import type { FrameMessages } from '../../catalog.ts';

/** Slovenčina (sk): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Platobný formulár sa nepodarilo načítať.',
  notAllowedHere: 'Tento platobný formulár nemožno na tejto stránke zobraziť.',
  sessionExpired: 'Platnosť platobnej relácie vypršala. Načítajte stránku znova a skúste to ešte raz.',
  sessionCompleted: 'Táto platobná relácia už bola použitá.',
  sessionNotFound: 'Platobná relácia sa nenašla.',
  networkError: 'Platobnú službu sa nepodarilo kontaktovať. Skontrolujte pripojenie a skúste to znova.',
  saveFailed: 'Kartu sa nepodarilo uložiť. Skúste to znova.',
  incomplete: 'Vyplňte údaje o karte.',
  unsupportedBrowser: 'Tento prehliadač nedokáže zobraziť platobný formulár. Aktualizujte ho alebo použite iný prehliadač.',
  unavailable: 'Platobný formulár momentálne nie je k dispozícii.',
} satisfies FrameMessages;
