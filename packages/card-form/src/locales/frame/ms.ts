import type { FrameMessages } from '../../catalog.ts';

/** Bahasa Melayu (ms): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Borang pembayaran ini tidak dapat dimuatkan.',
  notAllowedHere: 'Borang pembayaran ini tidak boleh dipaparkan di laman ini.',
  sessionExpired: 'Sesi pembayaran ini telah tamat tempoh. Muat semula halaman untuk mencuba lagi.',
  sessionCompleted: 'Sesi pembayaran ini telah digunakan.',
  sessionNotFound: 'Sesi pembayaran ini tidak ditemui.',
  networkError: 'Perkhidmatan pembayaran tidak dapat dihubungi. Semak sambungan anda dan cuba lagi.',
  saveFailed: 'Kad tidak dapat disimpan. Sila cuba lagi.',
  incomplete: 'Sila lengkapkan butiran kad anda.',
  unsupportedBrowser: 'Pelayar ini tidak dapat memaparkan borang pembayaran. Sila kemas kini pelayar atau gunakan pelayar lain.',
  unavailable: 'Borang pembayaran ini tidak tersedia buat masa ini.',
} satisfies FrameMessages;
