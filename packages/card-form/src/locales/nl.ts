import type { Catalog } from '../catalog.ts';

/** Nederlands (nl): what the form shows and announces. */
export default {
  labels: {
    number: 'Kaartnummer',
    expiry: 'Vervaldatum',
    cvc: 'Beveiligingscode',
    name: 'Naam op kaart',
  },
  placeholders: {
    expiry: 'MM / JJ',
    cvc: 'CVC',
    name: 'Volledige naam',
  },
  errors: {
    numberIncomplete: 'Je kaartnummer is onvolledig.',
    numberInvalid: 'Je kaartnummer is ongeldig.',
    brandNotAccepted: 'Dit kaartmerk wordt niet geaccepteerd.',
    expiryIncomplete: 'De vervaldatum van je kaart is onvolledig.',
    expiryInvalid: 'De vervaldatum van je kaart is ongeldig.',
    expiryInPast: 'De vervaldatum van je kaart ligt in het verleden.',
    cvcIncomplete: 'De beveiligingscode van je kaart is onvolledig.',
    nameMissing: 'Vul de naam op je kaart in.',
  },
  unknownCard: 'Kaart',
  savedCard: '{brand} eindigend op {last4}, geldig tot {expiry}',
  expires: 'Geldig tot',
  title: 'Beveiligd formulier voor kaartbetaling',
} satisfies Catalog;
