import type { FrameMessages } from '../../catalog.ts';

/** Polski (pl): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Nie udało się wczytać formularza płatności.',
  notAllowedHere: 'Tego formularza płatności nie można wyświetlić w tej witrynie.',
  sessionExpired: 'Sesja płatności wygasła. Odśwież stronę, aby spróbować ponownie.',
  sessionCompleted: 'Ta sesja płatności została już wykorzystana.',
  sessionNotFound: 'Nie znaleziono sesji płatności.',
  networkError: 'Nie można połączyć się z usługą płatności. Sprawdź połączenie i spróbuj ponownie.',
  saveFailed: 'Nie udało się zapisać karty. Spróbuj ponownie.',
  incomplete: 'Uzupełnij dane karty.',
  unsupportedBrowser: 'Ta przeglądarka nie może wyświetlić formularza płatności. Zaktualizuj ją lub użyj innej przeglądarki.',
  unavailable: 'Formularz płatności jest w tej chwili niedostępny.',
} satisfies FrameMessages;
