/**
 * The names of the triage model's categories and procedures, Vietnamese and English, for the explanations the
 * first pass gives officers ("Lĩnh vực: Chiếu sáng công cộng"), the same words the console shows for these codes
 * (label-names.test.ts keeps them equal to web/ui/i18n). Pure.
 */
import type { RoutingCategory, TriageProcedure } from '../../../../contracts/enums.ts';

type Name = { vi: string; en: string };

export const CATEGORY_NAMES: Record<RoutingCategory, Name> = {
  giao_thong: { vi: 'Giao thông', en: 'Traffic' },
  xe_buyt: { vi: 'Xe buýt, vận tải công cộng', en: 'Public transport (bus)' },
  trat_tu_do_thi: { vi: 'Trật tự đô thị, lấn chiếm', en: 'Urban order, encroachment' },
  moi_truong: { vi: 'Môi trường, rác thải', en: 'Environment, waste' },
  ngap_nuoc: { vi: 'Ngập nước, thoát nước', en: 'Flooding, drainage' },
  chieu_sang: { vi: 'Chiếu sáng công cộng', en: 'Street lighting' },
  cay_xanh: { vi: 'Cây xanh', en: 'Trees' },
  xay_dung: { vi: 'Trật tự xây dựng', en: 'Construction order' },
  an_ninh: { vi: 'An ninh trật tự', en: 'Public order and security' },
  tieng_on: { vi: 'Tiếng ồn', en: 'Noise' },
  dien_nuoc: { vi: 'Điện, nước sinh hoạt', en: 'Electricity and water supply' },
  y_te: { vi: 'Y tế, an toàn thực phẩm', en: 'Health, food safety' },
  giao_duc: { vi: 'Giáo dục', en: 'Education' },
  dat_dai: { vi: 'Đất đai, nhà ở', en: 'Land and housing' },
  can_bo: { vi: 'Thái độ, trách nhiệm cán bộ', en: 'Conduct of officials' },
  khac: { vi: 'Khác', en: 'Other' },
};

export const PROCEDURE_NAMES: Record<TriageProcedure, Name> = {
  chung_thuc_ban_sao: { vi: 'Chứng thực bản sao', en: 'Certified copies' },
  chung_thuc_chu_ky: { vi: 'Chứng thực chữ ký', en: 'Signature certification' },
  khai_sinh: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  khai_tu: { vi: 'Đăng ký khai tử', en: 'Death registration' },
  ket_hon: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
  xac_nhan_tinh_trang_hon_nhan: { vi: 'Xác nhận tình trạng hôn nhân', en: 'Marital status certificate' },
  trich_luc_ho_tich: { vi: 'Trích lục hộ tịch', en: 'Civil status extract' },
  cu_tru: { vi: 'Cư trú (thường trú, tạm trú)', en: 'Residence registration' },
  giay_phep_xay_dung: { vi: 'Giấy phép xây dựng', en: 'Building permit' },
  ho_kinh_doanh: { vi: 'Đăng ký hộ kinh doanh', en: 'Household business registration' },
  dat_dai_so_do: { vi: 'Đất đai, giấy chứng nhận', en: 'Land use certificates' },
  bhyt: { vi: 'Bảo hiểm y tế', en: 'Health insurance' },
  other: { vi: 'Thủ tục khác', en: 'Other procedures' },
};

/** The name of a category or procedure code; a code the table does not know (an older model's) as it is. */
export function nameOf(table: Record<string, Name>, code: string): Name {
  return table[code] ?? { vi: code, en: code };
}
