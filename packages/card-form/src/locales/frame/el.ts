import type { FrameMessages } from '../../catalog.ts';

/** Ελληνικά (el): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: "Δεν ήταν δυνατή η φόρτωση αυτής της φόρμας πληρωμής.",
  notAllowedHere: "Αυτή η φόρμα πληρωμής δεν μπορεί να εμφανιστεί σε αυτόν τον ιστότοπο.",
  sessionExpired: "Η περίοδος λειτουργίας πληρωμής έληξε. Φορτώστε ξανά τη σελίδα για να δοκιμάσετε ξανά.",
  sessionCompleted: "Αυτή η περίοδος λειτουργίας πληρωμής έχει ήδη χρησιμοποιηθεί.",
  sessionNotFound: "Η περίοδος λειτουργίας πληρωμής δεν βρέθηκε.",
  networkError: "Δεν ήταν δυνατή η σύνδεση με την υπηρεσία πληρωμών. Ελέγξτε τη σύνδεσή σας και δοκιμάστε ξανά.",
  saveFailed: "Δεν ήταν δυνατή η αποθήκευση της κάρτας. Δοκιμάστε ξανά.",
  incomplete: "Συμπληρώστε τα στοιχεία της κάρτας."
} satisfies FrameMessages;
