import type { Locale } from '../../../contracts/enums.ts';
import { formatVietnamTime } from '../domain/deadline/local-date.ts';
import type { VisitSlot } from '../domain/visit/visit-slots.ts';

const WEEKDAY: Record<Locale, string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** `09:00–09:30 Thứ Hai 02/11/2026` in Vietnam time. */
export function formatSlot(s: VisitSlot, locale: Locale): string {
  const a = formatVietnamTime(s.startsAt);
  const b = formatVietnamTime(s.endsAt);
  const weekday = WEEKDAY[locale][new Date(`${a.slice(0, 10)}T00:00:00Z`).getUTCDay()];
  return `${a.slice(11, 16)}–${b.slice(11, 16)} ${weekday} ${a.slice(8, 10)}/${a.slice(5, 7)}/${a.slice(0, 4)}`;
}

const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đ`;

export type VisitMessage =
  | { kind: 'offered'; unitName: string; procedure: string; trackingCode: string; slots: (VisitSlot & { number: number })[]; trackUrl: string }
  | { kind: 'confirmed'; trackingCode: string; slot: VisitSlot }
  | { kind: 'on_the_way'; trackingCode: string; slot: VisitSlot }
  | { kind: 'done'; trackingCode: string; procedure: string; feeVnd: number; receiptNumber: string | null; resultReturn: 'handed_over' | 'delivered' }
  | { kind: 'cancelled' | 'no_show'; trackingCode: string; reason: string; trackUrl: string };

/** What the citizen is told on their channel at each key step of a field visit, Vietnamese first. */
export function renderVisitMessage(m: VisitMessage, locale: Locale): string {
  const vi = locale === 'vi';
  switch (m.kind) {
    case 'offered': {
      const list = m.slots.map((s) => `${s.number}. ${formatSlot(s, locale)}`).join('\n');
      return vi
        ? `${m.unitName} có thể cử cán bộ đến tận nhà Ông/Bà để thực hiện thủ tục ${m.procedure} (hồ sơ ${m.trackingCode}). Xin chọn một khung giờ:\n${list}\nÔng/Bà trả lời số thứ tự (ví dụ: 1) hoặc chọn tại ${m.trackUrl}.`
        : `${m.unitName} can send an officer to your home for ${m.procedure} (case ${m.trackingCode}). Please choose a time:\n${list}\nReply with its number (e.g. 1) or choose at ${m.trackUrl}.`;
    }
    case 'confirmed':
      return vi
        ? `Đã xác nhận lịch hẹn ${formatSlot(m.slot, locale)} (hồ sơ ${m.trackingCode}). Chúng tôi sẽ báo khi cán bộ lên đường.`
        : `Your appointment ${formatSlot(m.slot, locale)} is confirmed (case ${m.trackingCode}). We will tell you when the officer sets off.`;
    case 'on_the_way':
      return vi
        ? `Cán bộ đang trên đường đến nhà Ông/Bà (lịch hẹn ${formatSlot(m.slot, locale)}, hồ sơ ${m.trackingCode}). Xin chuẩn bị giấy tờ tùy thân và bản chính giấy tờ.`
        : `The officer is on the way to your home (appointment ${formatSlot(m.slot, locale)}, case ${m.trackingCode}). Please have your ID and the original documents ready.`;
    case 'done': {
      const fee = m.feeVnd > 0 ? (vi ? `Lệ phí ${vnd(m.feeVnd)}, biên lai số ${m.receiptNumber ?? '—'}.` : `Fee ${vnd(m.feeVnd)}, receipt no. ${m.receiptNumber ?? '—'}.`) : vi ? 'Không thu lệ phí.' : 'No fee was charged.';
      const result =
        m.resultReturn === 'handed_over' ? (vi ? 'Kết quả đã được trao tận tay.' : 'The result was handed to you.') : vi ? 'Kết quả đã được gửi đến Ông/Bà.' : 'The result has been delivered to you.';
      return vi
        ? `Đã hoàn thành thủ tục ${m.procedure} tại nhà (hồ sơ ${m.trackingCode}). ${fee} ${result} Cảm ơn Ông/Bà.`
        : `${m.procedure} was completed at your home (case ${m.trackingCode}). ${fee} ${result} Thank you.`;
    }
    case 'cancelled':
      return vi
        ? `Lịch đến tận nhà (hồ sơ ${m.trackingCode}) đã hủy: ${m.reason}. Ông/Bà có thể nhắn lại để hẹn lịch khác, hoặc theo dõi tại ${m.trackUrl}.`
        : `The home visit (case ${m.trackingCode}) was cancelled: ${m.reason}. Message us to arrange another time, or follow the case at ${m.trackUrl}.`;
    case 'no_show':
      return vi
        ? `Cán bộ đã đến nhưng không gặp được Ông/Bà (hồ sơ ${m.trackingCode}): ${m.reason}. Ông/Bà có thể nhắn lại để hẹn lịch khác, hoặc theo dõi tại ${m.trackUrl}.`
        : `The officer came but could not meet you (case ${m.trackingCode}): ${m.reason}. Message us to arrange another time, or follow the case at ${m.trackUrl}.`;
  }
}
