import type { FrameMessages } from '../../catalog.ts';

/** Filipino (fil): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Hindi ma-load ang form ng pagbabayad na ito.',
  notAllowedHere: 'Hindi maipapakita ang form ng pagbabayad na ito sa site na ito.',
  sessionExpired: 'Nag-expire na ang session ng pagbabayad na ito. I-reload ang page para subukang muli.',
  sessionCompleted: 'Nagamit na ang session ng pagbabayad na ito.',
  sessionNotFound: 'Hindi nahanap ang session ng pagbabayad na ito.',
  networkError: 'Hindi maabot ang serbisyo ng pagbabayad. Tingnan ang iyong koneksyon at subukang muli.',
  saveFailed: 'Hindi ma-save ang card. Pakisubukang muli.',
  incomplete: 'Pakikumpleto ang mga detalye ng card.',
  unsupportedBrowser: 'Hindi maipakita ng browser na ito ang form ng pagbabayad. Paki-update ito o gumamit ng ibang browser.',
  unavailable: 'Hindi available ang form ng pagbabayad na ito sa ngayon.',
} satisfies FrameMessages;
