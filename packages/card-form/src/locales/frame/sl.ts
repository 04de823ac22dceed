import type { FrameMessages } from '../../catalog.ts';

/** Slovenščina (sl): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Plačilnega obrazca ni bilo mogoče naložiti.',
  notAllowedHere: 'Tega plačilnega obrazca ni mogoče prikazati na tem spletnem mestu.',
  sessionExpired: 'Plačilna seja je potekla. Znova naložite stran in poskusite znova.',
  sessionCompleted: 'Ta plačilna seja je že bila uporabljena.',
  sessionNotFound: 'Plačilne seje ni bilo mogoče najti.',
  networkError: 'Plačilna storitev ni dosegljiva. Preverite povezavo in poskusite znova.',
  saveFailed: 'Kartice ni bilo mogoče shraniti. Poskusite znova.',
  incomplete: 'Izpolnite podatke o kartici.',
  unsupportedBrowser: 'Ta brskalnik ne more prikazati plačilnega obrazca. Posodobite ga ali uporabite drug brskalnik.',
  unavailable: 'Plačilni obrazec trenutno ni na voljo.',
} satisfies FrameMessages;
