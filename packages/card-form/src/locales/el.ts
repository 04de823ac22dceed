import type { Catalog } from '../catalog.ts';

/** Ελληνικά (el): what the form shows and announces. */
export default {
  labels: {
    number: 'Αριθμός κάρτας',
    expiry: 'Ημερομηνία λήξης',
    cvc: 'Κωδικός ασφαλείας',
    name: 'Όνομα στην κάρτα',
  },
  placeholders: {
    expiry: 'ΜΜ / ΕΕ',
    cvc: 'CVC',
    name: 'Ονοματεπώνυμο',
  },
  errors: {
    numberIncomplete: 'Ο αριθμός της κάρτας σας είναι ελλιπής.',
    numberInvalid: 'Ο αριθμός της κάρτας σας δεν είναι έγκυρος.',
    brandNotAccepted: 'Αυτός ο τύπος κάρτας δεν γίνεται δεκτός.',
    expiryIncomplete: 'Η ημερομηνία λήξης της κάρτας σας είναι ελλιπής.',
    expiryInvalid: 'Η ημερομηνία λήξης της κάρτας σας δεν είναι έγκυρη.',
    expiryInPast: 'Η ημερομηνία λήξης της κάρτας σας έχει παρέλθει.',
    cvcIncomplete: 'Ο κωδικός ασφαλείας της κάρτας σας είναι ελλιπής.',
    nameMissing: 'Εισαγάγετε το όνομα που αναγράφεται στην κάρτα σας.',
  },
  unknownCard: 'Κάρτα',
  savedCard: '{brand} με τελευταία ψηφία {last4}, λήξη {expiry}',
  expires: 'Λήξη',
  title: 'Ασφαλής φόρμα πληρωμής με κάρτα',
} satisfies Catalog;
