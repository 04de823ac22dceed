import type { FrameMessages } from '../../catalog.ts';

/** Italiano (it): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Impossibile caricare questo modulo di pagamento.',
  notAllowedHere: 'Questo modulo di pagamento non può essere visualizzato su questo sito.',
  sessionExpired: 'Questa sessione di pagamento è scaduta. Ricarica la pagina per riprovare.',
  sessionCompleted: 'Questa sessione di pagamento è già stata utilizzata.',
  sessionNotFound: 'Sessione di pagamento non trovata.',
  networkError: 'Impossibile raggiungere il servizio di pagamento. Controlla la connessione e riprova.',
  saveFailed: 'Impossibile salvare la carta. Riprova.',
  incomplete: 'Completa i dati della carta.',
  unsupportedBrowser: 'Questo browser non può visualizzare il modulo di pagamento. Aggiornalo o usa un altro browser.',
  unavailable: 'Questo modulo di pagamento non è al momento disponibile.',
} satisfies FrameMessages;
