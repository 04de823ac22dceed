import type { Catalog } from '../catalog.ts';

/** Français (Canada) (fr-CA): what the form shows and announces. */
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
    numberInvalid: 'Le numéro de carte est invalide.',
    brandNotAccepted: 'Ce type de carte n’est pas accepté.',
    expiryIncomplete: 'La date d’expiration de la carte est incomplète.',
    expiryInvalid: 'La date d’expiration de la carte est invalide.',
    expiryInPast: 'La date d’expiration de la carte est passée.',
    cvcIncomplete: 'Le code de sécurité de la carte est incomplet.',
    nameMissing: 'Entrez le nom inscrit sur votre carte.',
  },
  unknownCard: 'Carte',
  savedCard: '{brand} se terminant par {last4}, expire en {expiry}',
  expires: 'Expire en',
  title: 'Formulaire de paiement par carte sécurisé',
} satisfies Catalog;
