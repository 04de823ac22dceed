import type { FrameMessages } from '../../catalog.ts';

/** Deutsch (de): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Dieses Zahlungsformular konnte nicht geladen werden.',
  notAllowedHere: 'Dieses Zahlungsformular kann auf dieser Website nicht angezeigt werden.',
  sessionExpired: 'Diese Zahlungssitzung ist abgelaufen. Laden Sie die Seite neu, um es erneut zu versuchen.',
  sessionCompleted: 'Diese Zahlungssitzung wurde bereits verwendet.',
  sessionNotFound: 'Diese Zahlungssitzung wurde nicht gefunden.',
  networkError: 'Der Zahlungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  saveFailed: 'Die Karte konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
  incomplete: 'Bitte vervollständigen Sie Ihre Kartendaten.',
  unsupportedBrowser: 'Dieser Browser kann das Zahlungsformular nicht anzeigen. Bitte aktualisieren Sie ihn oder verwenden Sie einen anderen Browser.',
  unavailable: 'Dieses Zahlungsformular ist derzeit nicht verfügbar.',
} satisfies FrameMessages;
