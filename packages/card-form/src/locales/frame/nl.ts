import type { FrameMessages } from '../../catalog.ts';

/** Nederlands (nl): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Dit betaalformulier kan niet worden geladen.',
  notAllowedHere: 'Dit betaalformulier kan niet op deze website worden getoond.',
  sessionExpired: 'Deze betaalsessie is verlopen. Laad de pagina opnieuw om het nog eens te proberen.',
  sessionCompleted: 'Deze betaalsessie is al gebruikt.',
  sessionNotFound: 'Deze betaalsessie is niet gevonden.',
  networkError: 'De betaaldienst is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  saveFailed: 'De kaart kan niet worden opgeslagen. Probeer het opnieuw.',
  incomplete: 'Vul je kaartgegevens volledig in.',
  unsupportedBrowser: 'Deze browser kan het betaalformulier niet tonen. Werk je browser bij of gebruik een andere browser.',
  unavailable: 'Dit betaalformulier is op dit moment niet beschikbaar.',
} satisfies FrameMessages;
