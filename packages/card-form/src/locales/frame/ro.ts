import type { FrameMessages } from '../../catalog.ts';

/** Română (ro): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Formularul de plată nu a putut fi încărcat.',
  notAllowedHere: 'Acest formular de plată nu poate fi afișat pe acest site.',
  sessionExpired: 'Sesiunea de plată a expirat. Reîncărcați pagina pentru a încerca din nou.',
  sessionCompleted: 'Această sesiune de plată a fost deja folosită.',
  sessionNotFound: 'Sesiunea de plată nu a fost găsită.',
  networkError: 'Serviciul de plată nu poate fi contactat. Verificați conexiunea și încercați din nou.',
  saveFailed: 'Cardul nu a putut fi salvat. Încercați din nou.',
  incomplete: 'Completați datele cardului.',
  unsupportedBrowser: 'Acest browser nu poate afișa formularul de plată. Actualizați-l sau folosiți alt browser.',
  unavailable: 'Formularul de plată nu este disponibil momentan.',
} satisfies FrameMessages;
