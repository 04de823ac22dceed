import type { FrameMessages } from '../../catalog.ts';

/** ไทย (th): the frame's own messages, loaded only when one is shown. */
export default {
  couldNotLoad: 'ไม่สามารถโหลดแบบฟอร์มชำระเงินนี้ได้',
  notAllowedHere: 'ไม่สามารถแสดงแบบฟอร์มชำระเงินนี้บนเว็บไซต์นี้ได้',
  sessionExpired: 'เซสชันการชำระเงินนี้หมดอายุแล้ว โปรดโหลดหน้านี้ใหม่แล้วลองอีกครั้ง',
  sessionCompleted: 'เซสชันการชำระเงินนี้ถูกใช้ไปแล้ว',
  sessionNotFound: 'ไม่พบเซสชันการชำระเงินนี้',
  networkError: 'ไม่สามารถเชื่อมต่อบริการชำระเงินได้ โปรดตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง',
  saveFailed: 'ไม่สามารถบันทึกบัตรได้ โปรดลองอีกครั้ง',
  incomplete: 'โปรดกรอกข้อมูลบัตรให้ครบถ้วน',
  unsupportedBrowser: 'เบราว์เซอร์นี้ไม่สามารถแสดงแบบฟอร์มชำระเงินได้ โปรดอัปเดตเบราว์เซอร์หรือใช้เบราว์เซอร์อื่น',
  unavailable: 'แบบฟอร์มชำระเงินนี้ไม่พร้อมใช้งานในขณะนี้',
} satisfies FrameMessages;
