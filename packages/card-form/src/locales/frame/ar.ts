import type { FrameMessages } from '../../catalog.ts';

/** العربية (ar): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'تعذّر تحميل نموذج الدفع هذا.',
  notAllowedHere: 'لا يمكن عرض نموذج الدفع هذا على هذا الموقع.',
  sessionExpired: 'انتهت صلاحية جلسة الدفع هذه. أعد تحميل الصفحة للمحاولة مرة أخرى.',
  sessionCompleted: 'سبق استخدام جلسة الدفع هذه.',
  sessionNotFound: 'لم يتم العثور على جلسة الدفع هذه.',
  networkError: 'تعذّر الوصول إلى خدمة الدفع. تحقق من اتصالك وحاول مرة أخرى.',
  saveFailed: 'تعذّر حفظ البطاقة. يُرجى المحاولة مرة أخرى.',
  incomplete: 'يُرجى إكمال بيانات البطاقة.',
  unsupportedBrowser: 'لا يمكن لهذا المتصفح عرض نموذج الدفع. يُرجى تحديثه أو استخدام متصفح آخر.',
  unavailable: 'نموذج الدفع هذا غير متاح حاليًا.',
} satisfies FrameMessages;
