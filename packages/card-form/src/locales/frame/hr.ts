import type { FrameMessages } from '../../catalog.ts';

/** Hrvatski (hr): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Obrazac za plaćanje nije se mogao učitati.',
  notAllowedHere: 'Ovaj obrazac za plaćanje ne može se prikazati na ovoj stranici.',
  sessionExpired: 'Sesija plaćanja je istekla. Ponovno učitajte stranicu i pokušajte ponovno.',
  sessionCompleted: 'Ova sesija plaćanja već je iskorištena.',
  sessionNotFound: 'Sesija plaćanja nije pronađena.',
  networkError: 'Usluga plaćanja nije dostupna. Provjerite vezu i pokušajte ponovno.',
  saveFailed: 'Kartica se nije mogla spremiti. Pokušajte ponovno.',
  incomplete: 'Ispunite podatke o kartici.',
  unsupportedBrowser: 'Ovaj preglednik ne može prikazati obrazac za plaćanje. Ažurirajte ga ili upotrijebite drugi preglednik.',
  unavailable: 'Obrazac za plaćanje trenutačno nije dostupan.',
} satisfies FrameMessages;
