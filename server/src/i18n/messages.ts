import type { Locale } from '../../../contracts/enums.ts';
import type { ErrorCode } from '../../../contracts/errors.ts';

/** Server-side user-facing text, Vietnamese first. The web apps have their own catalogues in web/ui. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  VALIDATION_FAILED: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request data is not valid.' },
  BODY_MALFORMED: { vi: 'Nội dung yêu cầu không đọc được (JSON sai định dạng).', en: 'The request body could not be read (malformed JSON).' },
  BODY_TOO_LARGE: { vi: 'Nội dung yêu cầu quá lớn.', en: 'The request body is too large.' },
  MEDIA_TYPE_UNSUPPORTED: { vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  UNIT_NOT_FOUND: { vi: 'Không tìm thấy đơn vị với mã đã cho.', en: 'No unit has the given code.' },
  UPLOAD_NOT_FOUND: { vi: 'Không tìm thấy ảnh đã tải lên (hoặc ảnh đã được dùng).', en: 'The uploaded file was not found (or was already used).' },
  UPLOAD_TYPE_NOT_ALLOWED: { vi: 'Chỉ nhận ảnh JPEG, PNG hoặc WebP.', en: 'Only JPEG, PNG or WebP images are accepted.' },
  UPLOAD_TOO_LARGE: { vi: 'Ảnh quá lớn (tối đa 5 MB và 40 triệu điểm ảnh).', en: 'The image is too large (5 MB and 40 megapixels at most).' },
  UPLOAD_UNREADABLE: { vi: 'Tệp không phải là ảnh hợp lệ.', en: 'The file is not a valid image.' },
  LOCATION_OUT_OF_RANGE: { vi: 'Vị trí nằm ngoài phạm vi Thành phố.', en: 'The location is outside the city.' },
  CASE_NOT_FOUND: { vi: 'Không tìm thấy hồ sơ.', en: 'Case not found.' },
  TRACKING_CODE_INVALID: { vi: 'Mã hồ sơ không đúng định dạng (ví dụ: GD-7K3Q-9MPX).', en: 'The tracking code is not in the right form (e.g. GD-7K3Q-9MPX).' },
  STATUS_TRANSITION_NOT_ALLOWED: { vi: 'Không thể chuyển hồ sơ sang trạng thái này.', en: 'The case cannot move to this status.' },
  CHANNEL_SIGNATURE_INVALID: { vi: 'Chữ ký webhook không hợp lệ.', en: 'Invalid webhook signature.' },
  CHANNEL_VERIFY_TOKEN_INVALID: { vi: 'Mã xác minh webhook không đúng.', en: 'Wrong webhook verify token.' },
  CHANNEL_CONFIG_INVALID: { vi: 'Cấu hình kênh không hợp lệ.', en: 'Invalid channel configuration.' },
  REPLY_NOT_POSSIBLE: { vi: 'Không thể trả lời theo cách này lúc này (kênh đã đóng hoặc đã dùng).', en: 'This way of replying is not possible now (the channel is closed or it was used).' },
  RATING_NOT_POSSIBLE: { vi: 'Chỉ đánh giá được hồ sơ đã giải quyết, mỗi lần giải quyết một lần.', en: 'Only a resolved case can be rated, once per resolution.' },
  REOPEN_NOT_POSSIBLE: { vi: 'Chỉ mở lại được hồ sơ đã giải quyết trong vòng 7 ngày.', en: 'A case can be reopened only within 7 days of its resolution.' },
  AUTH_REQUIRED: { vi: 'Vui lòng đăng nhập.', en: 'Please log in.' },
  AUTH_INVALID_CREDENTIALS: { vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' },
  CSRF_TOKEN_INVALID: { vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.', en: 'Invalid session token, please reload the page.' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' },
  STAFF_NOT_FOUND: { vi: 'Không tìm thấy cán bộ trong đơn vị.', en: 'No such staff member in the unit.' },
  MENTION_NOT_ALLOWED: { vi: 'Ghi chú nhắc đến người không được xem hồ sơ này.', en: 'The note mentions someone who may not read this case.' },
  EMAIL_TAKEN: { vi: 'Email này đã được dùng cho một tài khoản khác.', en: 'This email is already used by another account.' },
  OUTBOUND_NOT_FOUND: { vi: 'Không tìm thấy tin nhắn gửi đi.', en: 'Outgoing message not found.' },
  OUTBOUND_NOT_RETRYABLE: { vi: 'Tin nhắn này không ở trạng thái có thể gửi lại.', en: 'This message is not in a state that can be retried.' },
  TEMPLATE_INVALID: { vi: 'Mẫu tin nhắn không hợp lệ (biến không tồn tại hoặc thiếu mã hồ sơ).', en: 'Invalid template (unknown variable or missing tracking code).' },
  TEMPLATE_VARIABLE_UNKNOWN: { vi: 'Mẫu trả lời dùng biến không tồn tại.', en: 'The reply template uses a variable that does not exist.' },
  TEMPLATE_NOT_FOUND: { vi: 'Không tìm thấy mẫu trả lời.', en: 'Reply template not found.' },
  RATE_LIMITED: { vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.', en: 'Too many requests, please try again in a few minutes.' },
  NOT_FOUND: { vi: 'Không tìm thấy.', en: 'Not found.' },
  ATTACHMENT_NOT_FOUND: { vi: 'Không tìm thấy ảnh trong hồ sơ này.', en: 'Photo not found in this case.' },
  TRANSFER_NOT_FOUND: { vi: 'Không tìm thấy yêu cầu chuyển đơn vị.', en: 'Transfer not found.' },
  TRANSFER_NOT_POSSIBLE: { vi: 'Không thể chuyển đơn vị lúc này (đã có yêu cầu chờ, đã được quyết định, hoặc hồ sơ đã đóng).', en: 'The transfer is not possible now (one is pending, it was already decided, or the case is closed).' },
  VISIT_NOT_FOUND: { vi: 'Hồ sơ không có lịch đến tận nhà đang thực hiện.', en: 'The case has no home visit under way.' },
  VISIT_NOT_POSSIBLE: { vi: 'Không thể thực hiện bước này của lịch đến tận nhà lúc này.', en: 'This step of the home visit is not possible now.' },
  VISIT_SLOT_INVALID: { vi: 'Khung giờ không hợp lệ (đã qua, ngoài giờ làm việc, trùng nhau hoặc trùng lịch của cán bộ).', en: 'Invalid time slot (past, outside working hours, overlapping, or the officer is booked).' },
  VISIT_FEE_INVALID: { vi: 'Lệ phí hoặc số biên lai không hợp lệ (có thu lệ phí thì phải có số biên lai).', en: 'Invalid fee or receipt number (a fee collected needs a receipt number).' },
  ROUTING_RULE_NOT_FOUND: { vi: 'Không tìm thấy quy tắc điều phối.', en: 'Routing rule not found.' },
  ROUTING_CATEGORY_UNKNOWN: { vi: 'Lĩnh vực không có trong danh mục phân loại.', en: 'Unknown category: the first pass never assigns it.' },
  ROUTING_PROCEDURE_UNKNOWN: { vi: 'Thủ tục không có trong danh mục phân loại.', en: 'Unknown procedure: the first pass never assigns it.' },
  ROUTING_RULE_DUPLICATE: { vi: 'Trùng với một quy tắc khác (cùng điều kiện hoặc cùng thứ tự ưu tiên).', en: 'This duplicates another rule (same conditions or same priority).' },
  SETTINGS_CHANGED: { vi: 'Cấu hình vừa được người khác thay đổi. Vui lòng tải lại rồi thực hiện lại.', en: 'Someone else changed these settings meanwhile. Reload and try again.' },
  INTERNAL: { vi: 'Hệ thống gặp lỗi, vui lòng thử lại sau.', en: 'Something went wrong, please try again later.' },
};

/** Default acknowledgement templates (CONTRACTS §4: the tracking code appears verbatim). */
export const DEFAULT_ACK_TEMPLATES: Record<Locale, string> = {
  vi: '{unitName} đã tiếp nhận phản ánh, kiến nghị của Ông/Bà lúc {receivedAt}. Mã hồ sơ: {trackingCode}. Ông/Bà có thể theo dõi kết quả tại {trackUrl}.',
  en: '{unitName} has received your message at {receivedAt}. Tracking code: {trackingCode}. Follow its progress at {trackUrl}.',
};

/** How a unit names itself in messages to citizens. */
export function unitDisplayName(unit: { kind: string; fullName: string }, locale: Locale): string {
  if (unit.kind === 'department') return unit.fullName;
  return locale === 'vi' ? `UBND ${unit.fullName}` : `People's Committee of ${unit.fullName}`;
}

/** Date-time as citizens read it in Viet Nam (Asia/Ho_Chi_Minh, 24 h). */
// Building an Intl formatter costs far more than using one: one per locale, made on first use.
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

export function formatLocalDateTime(d: Date, locale: Locale): string {
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    });
    dateTimeFormats.set(locale, f);
  }
  return f.format(d);
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
