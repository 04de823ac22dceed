import type { Catalog } from '../catalog.ts';

/** Français (fr): what the form shows and announces. */
export default {
  labels: {
    number: 'Numéro de carte',
    expiry: 'Date d’expiration',
    cvc: 'Code de sécurité',
    name: 'Nom sur la carte',
  },
  placeholders: {
    expiry: 'MM / AA',
    cvc: 'CVC',
    name: 'Nom complet',
  },
  errors: {
    numberIncomplete: 'Le numéro de carte est incomplet.',
    numberInvalid: 'Le numéro de carte n’est pas valide.',
    brandNotAccepted: 'Ce type de carte n’est pas accepté.',
    expiryIncomplete: 'La date d’expiration de la carte est incomplète.',
    expiryInvalid: 'La date d’expiration de la carte n’est pas valide.',
    expiryInPast: 'La date d’expiration de la carte est dépassée.',
    cvcIncomplete: 'Le code de sécurité de la carte est incomplet.',
    nameMissing: 'Saisissez le nom figurant sur votre carte.',
  },
  unknownCard: 'Carte',
  savedCard: '{brand} se terminant par {last4}, expire fin {expiry}',
  expires: 'Expire fin',
  title: 'Formulaire de paiement par carte sécurisé',
} satisfies Catalog;
