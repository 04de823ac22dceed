import type { FrameMessages } from '../../catalog.ts';

/** Svenska (sv): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Det gick inte att läsa in betalformuläret.',
  notAllowedHere: 'Betalformuläret kan inte visas på den här webbplatsen.',
  sessionExpired: 'Betalningssessionen har gått ut. Ladda om sidan och försök igen.',
  sessionCompleted: 'Betalningssessionen har redan använts.',
  sessionNotFound: 'Betalningssessionen hittades inte.',
  networkError: 'Det gick inte att nå betaltjänsten. Kontrollera anslutningen och försök igen.',
  saveFailed: 'Det gick inte att spara kortet. Försök igen.',
  incomplete: 'Fyll i alla kortuppgifter.',
  unsupportedBrowser: 'Den här webbläsaren kan inte visa betalformuläret. Uppdatera den eller använd en annan webbläsare.',
  unavailable: 'Betalformuläret är inte tillgängligt just nu.',
} satisfies FrameMessages;
