import type { FrameMessages } from '../../catalog.ts';

/** Čeština (cs): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Platební formulář se nepodařilo načíst.',
  notAllowedHere: 'Tento platební formulář nelze na tomto webu zobrazit.',
  sessionExpired: 'Platnost platební relace vypršela. Načtěte stránku znovu a zkuste to ještě jednou.',
  sessionCompleted: 'Tato platební relace již byla použita.',
  sessionNotFound: 'Platební relace nebyla nalezena.',
  networkError: 'Platební službu se nepodařilo kontaktovat. Zkontrolujte připojení a zkuste to znovu.',
  saveFailed: 'Kartu se nepodařilo uložit. Zkuste to prosím znovu.',
  incomplete: 'Vyplňte prosím údaje o kartě.',
  unsupportedBrowser: 'Tento prohlížeč nemůže zobrazit platební formulář. Aktualizujte ho nebo použijte jiný prohlížeč.',
  unavailable: 'Platební formulář teď není k dispozici.',
} satisfies FrameMessages;
