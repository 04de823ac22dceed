import type { FrameMessages } from '../../catalog.ts';

/** Türkçe (tr): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Bu ödeme formu yüklenemedi.',
  notAllowedHere: 'Bu ödeme formu bu sitede gösterilemez.',
  sessionExpired: 'Bu ödeme oturumunun süresi doldu. Tekrar denemek için sayfayı yeniden yükleyin.',
  sessionCompleted: 'Bu ödeme oturumu zaten kullanıldı.',
  sessionNotFound: 'Bu ödeme oturumu bulunamadı.',
  networkError: 'Ödeme hizmetine ulaşılamadı. Bağlantınızı kontrol edip tekrar deneyin.',
  saveFailed: 'Kart kaydedilemedi. Lütfen tekrar deneyin.',
  incomplete: 'Lütfen kart bilgilerini eksiksiz girin.',
  unsupportedBrowser: 'Bu tarayıcı ödeme formunu gösteremiyor. Lütfen tarayıcınızı güncelleyin veya başka bir tarayıcı kullanın.',
  unavailable: 'Bu ödeme formu şu anda kullanılamıyor.',
} satisfies FrameMessages;
