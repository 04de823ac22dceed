import type { FrameMessages } from '../../catalog.ts';

/** Tiếng Việt (vi): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'Không thể tải biểu mẫu thanh toán này.',
  notAllowedHere: 'Không thể hiển thị biểu mẫu thanh toán này trên trang web này.',
  sessionExpired: 'Phiên thanh toán này đã hết hạn. Hãy tải lại trang để thử lại.',
  sessionCompleted: 'Phiên thanh toán này đã được sử dụng.',
  sessionNotFound: 'Không tìm thấy phiên thanh toán này.',
  networkError: 'Không thể kết nối với dịch vụ thanh toán. Hãy kiểm tra kết nối và thử lại.',
  saveFailed: 'Không thể lưu thẻ. Vui lòng thử lại.',
  incomplete: 'Vui lòng điền đầy đủ thông tin thẻ.',
  unsupportedBrowser: 'Trình duyệt này không thể hiển thị biểu mẫu thanh toán. Vui lòng cập nhật hoặc dùng trình duyệt khác.',
  unavailable: 'Biểu mẫu thanh toán này hiện không khả dụng.',
} satisfies FrameMessages;
