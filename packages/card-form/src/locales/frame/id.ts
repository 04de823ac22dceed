import type { FrameMessages } from '../../catalog.ts';

/** Bahasa Indonesia (id): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Formulir pembayaran ini tidak dapat dimuat.',
  notAllowedHere: 'Formulir pembayaran ini tidak dapat ditampilkan di situs ini.',
  sessionExpired: 'Sesi pembayaran ini telah kedaluwarsa. Muat ulang halaman untuk mencoba lagi.',
  sessionCompleted: 'Sesi pembayaran ini sudah digunakan.',
  sessionNotFound: 'Sesi pembayaran ini tidak ditemukan.',
  networkError: 'Layanan pembayaran tidak dapat dihubungi. Periksa koneksi Anda, lalu coba lagi.',
  saveFailed: 'Kartu tidak dapat disimpan. Silakan coba lagi.',
  incomplete: 'Lengkapi detail kartu Anda.',
  unsupportedBrowser: 'Browser ini tidak dapat menampilkan formulir pembayaran. Perbarui browser Anda atau gunakan browser lain.',
  unavailable: 'Formulir pembayaran ini sedang tidak tersedia.',
} satisfies FrameMessages;
