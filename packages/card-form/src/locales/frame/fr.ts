import type { FrameMessages } from '../../catalog.ts';

/** Français (fr): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Ce formulaire de paiement n’a pas pu être chargé.',
  notAllowedHere: 'Ce formulaire de paiement ne peut pas être affiché sur ce site.',
  sessionExpired: 'Cette session de paiement a expiré. Rechargez la page pour réessayer.',
  sessionCompleted: 'Cette session de paiement a déjà été utilisée.',
  sessionNotFound: 'Cette session de paiement est introuvable.',
  networkError: 'Le service de paiement est injoignable. Vérifiez votre connexion et réessayez.',
  saveFailed: 'La carte n’a pas pu être enregistrée. Veuillez réessayer.',
  incomplete: 'Veuillez compléter les informations de votre carte.',
  unsupportedBrowser: 'Ce navigateur ne peut pas afficher le formulaire de paiement. Mettez-le à jour ou utilisez un autre navigateur.',
  unavailable: 'Ce formulaire de paiement n’est pas disponible pour le moment.',
} satisfies FrameMessages;
