import type { Catalog } from '../catalog.ts';

/** Italiano (it): what the form shows and announces. */
export default {
  labels: {
    number: 'Numero della carta',
    expiry: 'Data di scadenza',
    cvc: 'Codice di sicurezza',
    name: 'Nome sulla carta',
  },
  placeholders: {
    expiry: 'MM / AA',
    cvc: 'CVC',
    name: 'Nome e cognome',
  },
  errors: {
    numberIncomplete: 'Il numero della carta è incompleto.',
    numberInvalid: 'Il numero della carta non è valido.',
    brandNotAccepted: 'Questo circuito di carte non è accettato.',
    expiryIncomplete: 'La data di scadenza della carta è incompleta.',
    expiryInvalid: 'La data di scadenza della carta non è valida.',
    expiryInPast: 'La data di scadenza della carta è già passata.',
    cvcIncomplete: 'Il codice di sicurezza della carta è incompleto.',
    nameMissing: 'Inserisci il nome riportato sulla carta.',
  },
  unknownCard: 'Carta',
  savedCard: '{brand} che termina con {last4}, scadenza {expiry}',
  expires: 'Scadenza',
  title: 'Modulo sicuro per il pagamento con carta',
} satisfies Catalog;
