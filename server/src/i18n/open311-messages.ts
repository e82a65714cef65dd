import type { CaseStatus, Locale } from '../../../contracts/enums.ts';

/**
 * Text of the Open311 GeoReport v2 API (error descriptions, notices, status notes), Vietnamese first.
 * Clients choose English with `?locale=en` or Accept-Language.
 */
const vi = {
  'discovery.contact': 'Gần Dân — Thành phố Hồ Chí Minh. Liên hệ bộ phận quản trị hệ thống của Thành phố.',
  'discovery.keyService': 'API key do quản trị viên cấp bằng lệnh `gandan apikey add --name TÊN [--unit MÃ]`; liên hệ bộ phận quản trị để được cấp.',
  'attribute.severity.description': 'Mức độ nguy hiểm của sự việc',
  'attribute.severity.datatypeDescription': 'Chọn một',
  'attribute.severity.danger': 'Nguy hiểm, cần xử lý ngay',
  'attribute.severity.normal': 'Bình thường',
  'notice.received': 'Đã tiếp nhận. Mã tra cứu cho người dân: {trackingCode} — theo dõi tại {trackUrl}',
  'text.noDescription': '(không có mô tả)',
  'text.severity': 'Mức độ',
  'text.address': 'Địa chỉ',
  'error.apiKey': 'api_key thiếu hoặc không hợp lệ',
  'error.serviceCodeMissing': 'Thiếu service_code',
  'error.serviceCodeUnknown': 'Không có dịch vụ với service_code này',
  'error.jurisdictionUnknown': 'jurisdiction_id không đúng với hệ thống này',
  'error.locationMissing': 'Cần vị trí: lat và long, hoặc address_string, hoặc address_id',
  'error.locationInvalid': 'lat và long phải là số (WGS84) và đi cùng nhau',
  'error.locationOutside': 'Vị trí nằm ngoài Thành phố Hồ Chí Minh',
  'error.descriptionTooLong': 'description dài quá 4.000 ký tự',
  'error.markupNotAllowed': 'Không chấp nhận HTML hay mã lệnh trong trường {field}',
  'error.fieldTooLong': 'Trường {field} quá dài',
  'error.emailInvalid': 'email không hợp lệ',
  'error.mediaUrlInvalid': 'media_url phải là một địa chỉ http(s)',
  'error.attributeRequired': 'Thiếu attribute[{field}]',
  'error.attributeValue': 'Giá trị của attribute[{field}] không nằm trong danh sách',
  'error.dateInvalid': '{field} phải là thời điểm ISO 8601 có múi giờ',
  'error.dateRange': 'Khoảng start_date–end_date không được quá 90 ngày',
  'error.statusInvalid': 'status chỉ nhận open, closed',
  'error.pageInvalid': 'page và page_size phải là số nguyên dương (page_size tối đa 1000)',
  'error.formatUnknown': 'Định dạng không hỗ trợ: dùng .xml hoặc .json',
  'error.notFound': 'Không tìm thấy',
  'error.bodyInvalid': 'Nội dung yêu cầu không đọc được (cần application/x-www-form-urlencoded; charset=utf-8)',
  'error.rateLimited': 'Quá nhiều yêu cầu, vui lòng thử lại sau',
  'error.internal': 'Lỗi hệ thống, vui lòng thử lại sau',
  'status.new': 'Mới tiếp nhận',
  'status.assigned': 'Đã phân công xử lý',
  'status.in_progress': 'Đang xử lý',
  'status.waiting_citizen': 'Chờ người dân bổ sung thông tin',
  'status.resolved': 'Đã giải quyết',
  'status.closed': 'Đã đóng',
  'status.rejected': 'Không thụ lý',
} as const;

export type Open311MessageKey = keyof typeof vi;

const en: Record<Open311MessageKey, string> = {
  'discovery.contact': 'Gần Dân — Ho Chi Minh City. Contact the city system administrators.',
  'discovery.keyService': 'API keys are issued by an administrator with `gandan apikey add --name NAME [--unit CODE]`; contact the administrators to get one.',
  'attribute.severity.description': 'How dangerous is it?',
  'attribute.severity.datatypeDescription': 'Choose one',
  'attribute.severity.danger': 'Dangerous, needs action now',
  'attribute.severity.normal': 'Normal',
  'notice.received': 'Received. Tracking code for the citizen: {trackingCode} — follow it at {trackUrl}',
  'text.noDescription': '(no description)',
  'text.severity': 'Severity',
  'text.address': 'Address',
  'error.apiKey': 'api_key is missing or invalid',
  'error.serviceCodeMissing': 'service_code is missing',
  'error.serviceCodeUnknown': 'No service has this service_code',
  'error.jurisdictionUnknown': 'jurisdiction_id does not match this server',
  'error.locationMissing': 'A location is required: lat and long, or address_string, or address_id',
  'error.locationInvalid': 'lat and long must be numbers (WGS84) and come together',
  'error.locationOutside': 'The location is outside Ho Chi Minh City',
  'error.descriptionTooLong': 'description is longer than 4,000 characters',
  'error.markupNotAllowed': 'HTML or code is not accepted in {field}',
  'error.fieldTooLong': '{field} is too long',
  'error.emailInvalid': 'email is not valid',
  'error.mediaUrlInvalid': 'media_url must be an http(s) URL',
  'error.attributeRequired': 'attribute[{field}] is missing',
  'error.attributeValue': 'The value of attribute[{field}] is not in its list',
  'error.dateInvalid': '{field} must be an ISO 8601 date-time with a time zone',
  'error.dateRange': 'start_date to end_date may not exceed 90 days',
  'error.statusInvalid': 'status accepts only open, closed',
  'error.pageInvalid': 'page and page_size must be positive integers (page_size at most 1000)',
  'error.formatUnknown': 'Unsupported format: use .xml or .json',
  'error.notFound': 'Not found',
  'error.bodyInvalid': 'The request body could not be read (send application/x-www-form-urlencoded; charset=utf-8)',
  'error.rateLimited': 'Too many requests, try again later',
  'error.internal': 'Internal error, try again later',
  'status.new': 'Received',
  'status.assigned': 'Assigned',
  'status.in_progress': 'In progress',
  'status.waiting_citizen': 'Waiting for the citizen',
  'status.resolved': 'Resolved',
  'status.closed': 'Closed',
  'status.rejected': 'Not accepted',
};

const catalogues: Record<Locale, Record<Open311MessageKey, string>> = { vi, en };

/** The message in the locale, with {placeholders} filled. */
export function open311Text(locale: Locale, key: Open311MessageKey, values: Record<string, string> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/gu, (m, name: string) => values[name] ?? m);
}

export const statusNoteKey = (status: CaseStatus): Open311MessageKey => `status.${status}`;
