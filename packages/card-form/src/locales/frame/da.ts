import type { FrameMessages } from '../../catalog.ts';

/** Dansk (da): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Betalingsformularen kunne ikke indlæses.',
  notAllowedHere: 'Betalingsformularen kan ikke vises på dette websted.',
  sessionExpired: 'Betalingssessionen er udløbet. Genindlæs siden, og prøv igen.',
  sessionCompleted: 'Betalingssessionen er allerede brugt.',
  sessionNotFound: 'Betalingssessionen blev ikke fundet.',
  networkError: 'Betalingstjenesten kunne ikke kontaktes. Tjek din forbindelse, og prøv igen.',
  saveFailed: 'Kortet kunne ikke gemmes. Prøv igen.',
  incomplete: 'Udfyld alle kortoplysninger.',
  unsupportedBrowser: 'Denne browser kan ikke vise betalingsformularen. Opdater den, eller brug en anden browser.',
  unavailable: 'Betalingsformularen er ikke tilgængelig lige nu.',
} satisfies FrameMessages;
