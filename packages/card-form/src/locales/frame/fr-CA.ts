import type { FrameMessages } from '../../catalog.ts';

/** Français (Canada) (fr-CA): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Ce formulaire de paiement n’a pas pu être chargé.',
  notAllowedHere: 'Ce formulaire de paiement ne peut pas être affiché sur ce site.',
  sessionExpired: 'Cette session de paiement est expirée. Rechargez la page pour réessayer.',
  sessionCompleted: 'Cette session de paiement a déjà été utilisée.',
  sessionNotFound: 'Cette session de paiement est introuvable.',
  networkError: 'Le service de paiement est inaccessible. Vérifiez votre connexion et réessayez.',
  saveFailed: 'La carte n’a pas pu être enregistrée. Veuillez réessayer.',
  incomplete: 'Veuillez remplir tous les renseignements de la carte.',
  unsupportedBrowser: 'Ce navigateur ne peut pas afficher le formulaire de paiement. Veuillez le mettre à jour ou utiliser un autre navigateur.',
  unavailable: 'Ce formulaire de paiement n’est pas disponible pour l’instant.',
} satisfies FrameMessages;
