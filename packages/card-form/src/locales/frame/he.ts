import type { FrameMessages } from '../../catalog.ts';

/** עברית (he): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'לא ניתן היה לטעון את טופס התשלום.',
  notAllowedHere: 'לא ניתן להציג את טופס התשלום באתר זה.',
  sessionExpired: 'תוקף סשן התשלום פג. יש לטעון מחדש את הדף ולנסות שוב.',
  sessionCompleted: 'סשן התשלום הזה כבר נוצל.',
  sessionNotFound: 'סשן התשלום לא נמצא.',
  networkError: 'לא ניתן להתחבר לשירות התשלומים. יש לבדוק את החיבור ולנסות שוב.',
  saveFailed: 'לא ניתן היה לשמור את הכרטיס. יש לנסות שוב.',
  incomplete: 'יש להשלים את פרטי הכרטיס.',
  unsupportedBrowser: 'הדפדפן הזה לא יכול להציג את טופס התשלום. יש לעדכן אותו או להשתמש בדפדפן אחר.',
  unavailable: 'טופס התשלום אינו זמין כרגע.',
} satisfies FrameMessages;
