import type { FrameMessages } from '../../catalog.ts';

/** Español (Latinoamérica) (es-419): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'No se pudo cargar este formulario de pago.',
  notAllowedHere: 'Este formulario de pago no se puede mostrar en este sitio.',
  sessionExpired: 'Esta sesión de pago venció. Vuelve a cargar la página para intentarlo de nuevo.',
  sessionCompleted: 'Esta sesión de pago ya se usó.',
  sessionNotFound: 'No se encontró esta sesión de pago.',
  networkError: 'No se pudo conectar con el servicio de pago. Revisa tu conexión e intenta de nuevo.',
  saveFailed: 'No se pudo guardar la tarjeta. Intenta de nuevo.',
  incomplete: 'Completa los datos de tu tarjeta.',
  unsupportedBrowser: 'Este navegador no puede mostrar el formulario de pago. Actualízalo o usa otro navegador.',
  unavailable: 'Este formulario de pago no está disponible por ahora.',
} satisfies FrameMessages;
