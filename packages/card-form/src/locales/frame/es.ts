import type { FrameMessages } from '../../catalog.ts';

/** Español (es): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'No se ha podido cargar este formulario de pago.',
  notAllowedHere: 'Este formulario de pago no se puede mostrar en este sitio.',
  sessionExpired: 'Esta sesión de pago ha caducado. Vuelve a cargar la página para intentarlo de nuevo.',
  sessionCompleted: 'Esta sesión de pago ya se ha utilizado.',
  sessionNotFound: 'No se ha encontrado esta sesión de pago.',
  networkError: 'No se ha podido conectar con el servicio de pago. Comprueba tu conexión e inténtalo de nuevo.',
  saveFailed: 'No se ha podido guardar la tarjeta. Inténtalo de nuevo.',
  incomplete: 'Completa los datos de tu tarjeta.',
  unsupportedBrowser: 'Este navegador no puede mostrar el formulario de pago. Actualízalo o usa otro navegador.',
  unavailable: 'Este formulario de pago no está disponible en este momento.',
} satisfies FrameMessages;
