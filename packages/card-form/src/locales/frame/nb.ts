import type { FrameMessages } from '../../catalog.ts';

/** Norsk bokmål (nb): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Betalingsskjemaet kunne ikke lastes inn.',
  notAllowedHere: 'Betalingsskjemaet kan ikke vises på dette nettstedet.',
  sessionExpired: 'Betalingsøkten er utløpt. Last inn siden på nytt for å prøve igjen.',
  sessionCompleted: 'Betalingsøkten er allerede brukt.',
  sessionNotFound: 'Fant ikke betalingsøkten.',
  networkError: 'Får ikke kontakt med betalingstjenesten. Sjekk tilkoblingen og prøv igjen.',
  saveFailed: 'Kortet kunne ikke lagres. Prøv igjen.',
  incomplete: 'Fyll ut alle kortopplysningene.',
  unsupportedBrowser: 'Denne nettleseren kan ikke vise betalingsskjemaet. Oppdater den eller bruk en annen nettleser.',
  unavailable: 'Betalingsskjemaet er ikke tilgjengelig akkurat nå.',
} satisfies FrameMessages;
