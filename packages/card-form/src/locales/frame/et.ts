import type { FrameMessages } from '../../catalog.ts';

/** Eesti (et): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Maksevormi ei õnnestunud laadida.',
  notAllowedHere: 'Seda maksevormi ei saa sellel saidil kuvada.',
  sessionExpired: 'Makseseanss on aegunud. Laadige leht uuesti ja proovige siis uuesti.',
  sessionCompleted: 'Seda makseseanssi on juba kasutatud.',
  sessionNotFound: 'Makseseanssi ei leitud.',
  networkError: 'Makseteenusega ei saadud ühendust. Kontrollige ühendust ja proovige uuesti.',
  saveFailed: 'Kaarti ei õnnestunud salvestada. Proovige uuesti.',
  incomplete: 'Täitke kaardi andmed.',
  unsupportedBrowser: 'See brauser ei saa maksevormi kuvada. Uuendage brauserit või kasutage mõnda teist brauserit.',
  unavailable: 'See maksevorm pole praegu saadaval.',
} satisfies FrameMessages;
