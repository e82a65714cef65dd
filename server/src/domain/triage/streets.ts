/**
 * Street names of Ho Chi Minh City (pre-2025 core districts and Thủ Đức), written from general knowledge of the
 * city's street network — not taken from the triage corpus. Numbered streets (Đường số N, Quốc lộ N, Tỉnh lộ N,
 * D1/N2…) are recognised by pattern in places.ts and need no entry here. Extend freely; order does not matter.
 */
const STREETS = `
Lê Lợi|Nguyễn Huệ|Đồng Khởi|Hai Bà Trưng|Lê Duẩn|Lê Thánh Tôn|Lý Tự Trọng|Nam Kỳ Khởi Nghĩa|Pasteur|Nguyễn Du|Tôn Đức Thắng|
Hàm Nghi|Phạm Ngũ Lão|Bùi Viện|Đề Thám|Cống Quỳnh|Nguyễn Trãi|Trần Hưng Đạo|Nguyễn Thị Minh Khai|Điện Biên Phủ|
Võ Văn Tần|Nguyễn Đình Chiểu|Cách Mạng Tháng Tám|Trần Quốc Thảo|Lê Văn Sỹ|Nguyễn Văn Trỗi|Phan Đình Phùng|
Hoàng Văn Thụ|Trường Chinh|Cộng Hòa|Lý Thường Kiệt|3 Tháng 2|Sư Vạn Hạnh|Lê Hồng Phong|Nguyễn Tri Phương|
Ngô Gia Tự|Thành Thái|Tô Hiến Thành|Bà Hạt|Vĩnh Viễn|Nguyễn Chí Thanh|Hùng Vương|An Dương Vương|Trần Phú|Nguyễn Văn Cừ|
Châu Văn Liêm|Hải Thượng Lãn Ông|Trần Bình Trọng|Nguyễn Kim|Lý Nam Đế|Hồng Bàng|Minh Phụng|Lạc Long Quân|Âu Cơ|Lũy Bán Bích|
Tân Kỳ Tân Quý|Tân Hương|Thoại Ngọc Hầu|Độc Lập|Vườn Lài|Gò Dầu|Lê Trọng Tấn|Tây Thạnh|Chế Lan Viên|Trần Văn Ơn|
Nguyễn Sơn|Bình Long|Thạch Lam|Hòa Bình|Lê Văn Quới|Mã Lò|Tên Lửa|Kinh Dương Vương|Hồ Học Lãm|An Lạc|Bình Trị Đông|
Nguyễn Thị Tú|Tỉnh lộ 10|Quốc lộ 1A|Hương lộ 2|Hương lộ 3|Vành đai trong|Phan Anh|Bình Thới|Lãnh Binh Thăng|Ông Ích Khiêm|
Lạc Long Quân|Hàn Hải Nguyên|Phú Thọ|Tôn Thất Hiệp|Lê Đại Hành|Đội Cung|Nguyễn Thị Nhỏ|Hậu Giang|Tháp Mười|Bình Tây|
Phạm Văn Chí|Bãi Sậy|Nguyễn Văn Luông|Bà Hom|Cây Gõ|Lò Gốm|Văn Thân|Phạm Đình Hổ|Trần Văn Kiểu|Võ Văn Kiệt|Mai Xuân Thưởng|
Phạm Thế Hiển|Dương Bá Trạc|Âu Dương Lân|Tạ Quang Bửu|Bùi Minh Trực|Hưng Phú|Ba Đình|Cao Lỗ|Nguyễn Duy|Bến Bình Đông|
Liên tỉnh 5|Quốc lộ 50|Nguyễn Văn Linh|Nguyễn Hữu Thọ|Huỳnh Tấn Phát|Nguyễn Thị Thập|Lê Văn Lương|Trần Xuân Soạn|Lâm Văn Bền|
Nguyễn Lương Bằng|Tân Mỹ|Hoàng Quốc Việt|Lê Văn Thiêm|Tôn Dật Tiên|Nguyễn Đức Cảnh|Phạm Văn Nghị|Bế Văn Cấm|Gò Ô Môi|
Đào Trí|Phú Thuận|Lưu Trọng Lư|Nguyễn Văn Quỳ|Nguyễn Bình|Phạm Hữu Lầu|Lê Văn Việt|Đỗ Xuân Hợp|Man Thiện|Xa lộ Hà Nội|
Võ Nguyên Giáp|Mai Chí Thọ|Nguyễn Duy Trinh|Đồng Văn Cống|Trần Não|Lương Định Của|Nguyễn Thị Định|Thảo Điền|Quốc Hương|
Xuân Thủy|Nguyễn Văn Hưởng|Trần Ngọc Diện|Lê Văn Miến|Tống Hữu Định|Nguyễn Cơ Thạch|Trần Bạch Đằng|Tố Hữu|Vũ Tông Phan|
Nguyễn Hoàng|Song Hành|Lã Xuân Oai|Tăng Nhơn Phú|Lò Lu|Nguyễn Xiển|Long Phước|Bưng Ông Thoàn|Dương Đình Hội|Hoàng Hữu Nam|
Nam Cao|Tây Hòa|Hồ Bá Phấn|Đình Phong Phú|Làng Tăng Phú|Phước Thiện|Nguyễn Văn Tăng|Lê Văn Chí|Võ Văn Ngân|Kha Vạn Cân|
Đặng Văn Bi|Tô Ngọc Vân|Phạm Văn Đồng|Hiệp Bình|Quốc lộ 13|Linh Đông|Đoàn Công Hớn|Hoàng Diệu 2|Lê Văn Ninh|Lý Tế Xuyên|
Đặng Thị Rành|Tam Bình|Tam Hà|Gò Dưa|Cây Keo|Bình Chiểu|Tỉnh lộ 43|Ngô Chí Quốc|Bình Phú|Lê Thị Hoa|Hoàng Diệu|
Phạm Văn Chiêu|Quang Trung|Nguyễn Oanh|Nguyễn Kiệm|Phan Văn Trị|Lê Đức Thọ|Nguyễn Văn Lượng|Thống Nhất|Nguyễn Văn Khối|
Lê Quang Định|Dương Quảng Hàm|Nguyễn Thái Sơn|Phạm Ngũ Lão|Nguyễn Du|Lê Lai|Lê Thị Riêng|Nguyễn Tuân|Trần Bá Giao|Cây Trâm|
Thích Bửu Đăng|Lê Hoàng Phái|Huỳnh Khương An|Nguyễn Văn Bảo|Trần Thị Nghỉ|Nguyễn Duy Cung|Lê Văn Thọ|Tân Sơn|Quang Trung|
Phan Huy Ích|Thông Tây Hội|Nguyễn Tư Giản|An Nhơn|Bùi Quang Là|Đinh Bộ Lĩnh|Xô Viết Nghệ Tĩnh|Bạch Đằng|Nơ Trang Long|
Phan Đăng Lưu|Lê Quang Định|Nguyễn Xí|Nguyễn Hữu Cảnh|Ung Văn Khiêm|Điện Biên Phủ|Đinh Tiên Hoàng|Vũ Tùng|Chu Văn An|
Bùi Đình Túy|Nguyễn Văn Đậu|Phan Văn Hân|Nguyễn Cửu Vân|Trần Quý Cáp|Bình Quới|Thanh Đa|Nguyễn Gia Trí|D1|D2|D5|Ngô Tất Tố|
Phan Chu Trinh|Bình Lợi|Lê Văn Duyệt|Phan Xích Long|Hoa Lan|Hoa Sứ|Hoa Cúc|Hoàng Minh Giám|Nguyễn Trọng Tuyển|Huỳnh Văn Bánh|
Phan Đình Phùng|Thích Quảng Đức|Trần Huy Liệu|Nguyễn Văn Trỗi|Lê Văn Sỹ|Đặng Văn Ngữ|Trần Kế Xương|Hồ Văn Huê|Cù Lao|
Hoàng Văn Thụ|Trương Quốc Dung|Nguyễn Thượng Hiền|Duy Tân|Mai Văn Ngọc|Phổ Quang|Cộng Hòa|Trường Sơn|Bạch Đằng|Hồng Hà|
Thăng Long|Lam Sơn|Út Tịch|Phạm Văn Hai|Lạc Long Quân|Ba Vân|Bàu Cát|Đồng Đen|Âu Cơ|Trần Văn Quang|Nguyễn Hồng Đào|
Bành Văn Trân|Hoàng Hoa Thám|Tân Kỳ Tân Quý|Lê Trung Nghĩa|Phan Thúc Duyện|Bảy Hiền|Trương Công Định|Nguyễn Bặc|Chấn Hưng|
Hòa Hưng|Trần Văn Đang|Kỳ Đồng|Trần Quang Diệu|Bà Huyện Thanh Quan|Tú Xương|Ngô Thời Nhiệm|Võ Thị Sáu|Trần Quốc Toản|
Nguyễn Phúc Nguyên|Lý Chính Thắng|Trần Cao Vân|Nguyễn Thông|Rạch Bùng Binh|Cao Thắng|Nguyễn Thiện Thuật|Bàn Cờ|Nguyễn Văn Thủ|
Mạc Đĩnh Chi|Đinh Công Tráng|Trần Nhật Duật|Trần Khắc Chân|Nguyễn Hữu Cầu|Calmette|Yersin|Ký Con|Nguyễn Thái Học|Cô Bắc|Cô Giang|
Trần Đình Xu|Nguyễn Cư Trinh|Mạc Thị Bưởi|Ngô Đức Kế|Huỳnh Thúc Kháng|Tôn Thất Thiệp|Tôn Thất Đạm|Hồ Tùng Mậu|Nguyễn Công Trứ|
Lê Công Kiều|Phó Đức Chính|Nguyễn Văn Chiêm|Thái Văn Lung|Thi Sách|Đông Du|Mạc Thị Bưởi|Hồ Huấn Nghiệp|Lê Anh Xuân|Trương Định|
Nguyễn An Ninh|Bến Chương Dương|Bến Vân Đồn|Hoàng Diệu|Đoàn Văn Bơ|Khánh Hội|Nguyễn Tất Thành|Tôn Đản|Xóm Chiếu|Vĩnh Khánh|
Lê Văn Linh|Lê Quốc Hưng|Nguyễn Khoái|Bến Vân Đồn|Trần Xuân Soạn|Lê Quang Kim|Hồ Thị Kỷ|Nguyễn Văn Tạo|Lê Văn Khương|
Nguyễn Ảnh Thủ|Tô Ký|Trung Mỹ Tây|Nguyễn Văn Quá|Hà Huy Giáp|Lê Thị Riêng|Thạnh Lộc|Vườn Lài|Nguyễn Thị Búp|Phan Văn Hớn|
Tô Ngọc Vân|Bùi Văn Ba|Nguyễn Thị Kiểu|Đông Bắc|Quốc lộ 22|Xuyên Á|Trường Chinh|Trần Văn Mười|Lê Thước|Đặng Thúc Vịnh|
Bà Điểm|Phan Văn Đối|Nguyễn Văn Bứa|Song Hành|Tỉnh lộ 8|Tỉnh lộ 15|Tỉnh lộ 2|Tỉnh lộ 7|Hà Duy Phiên|Nguyễn Thị Rành|Bến Than|
Cây Bài|Võ Văn Bích|Nguyễn Kim Cương|Trần Văn Chẩm|Lê Minh Nhựt|Bùi Thị Điệt|Nguyễn Văn Khạ|Nguyễn Thị Lắng|Đỗ Văn Dậy|
Quách Điêu|Vĩnh Lộc|Lại Hùng Cường|Nguyễn Cửu Phú|Trần Đại Nghĩa|Đinh Đức Thiện|Nguyễn Hữu Trí|Quốc lộ 50|Dương Đình Cúc|
Đoàn Nguyễn Tuấn|Nguyễn Văn Cừ|Rạch Cát|Thiên Giang|Vĩnh Lộc|Liên ấp 2-3|Hưng Long|An Hạ|Đinh Đức Thiện|Phạm Hùng|Bình Hưng|
Nguyễn Bình|Huỳnh Tấn Phát|Lê Văn Lương|Nguyễn Hữu Thọ|Đào Sư Tích|Phạm Hữu Lầu|Dương Cát Lợi|Nguyễn Văn Tạo|Rừng Sác|Duyên Hải|
Lương Văn Nho|Đào Cử|Thạnh Thới|Bùi Lâm|Tân Thới Hiệp|Nguyễn Văn Ba|Phạm Thế Hiển|Tân Hòa Đông|Hồ Văn Long|Chiến Lược|
Mã Lò|Bình Thành|Liên Khu 4-5|Liên Khu 5-6|Liên Khu 10-11|Gò Xoài|Lê Tấn Bê|Lê Văn Quới|Ấp Chiến Lược|Đất Mới|Sinh Trung|
Trương Phước Phan|Hương lộ 80|Tân Thới Nhất|Dương Thị Mười|Lê Văn Khương|Nguyễn Văn Nghi|Phạm Văn Bạch|Huỳnh Văn Nghệ|
Quang Trung|Lê Văn Thọ|Thống Nhất|Cây Trâm|Nguyễn Văn Công|Lê Lai|Trần Bình Trọng|Nguyễn Bỉnh Khiêm|Mai Thị Lựu|
Nguyễn Văn Thủ|Phan Kế Bính|Trần Doãn Khanh|Đặng Dung|Trần Quang Khải|Nguyễn Phi Khanh|Hoàng Sa|Trường Sa|Nguyễn Hữu Hào|
Nguyễn Trung Trực|Lê Thị Hồng Gấm|Nguyễn Thái Bình|Phó Đức Chính|Ký Con|Nam Quốc Cang|Trần Đình Xu|Nguyễn Văn Cừ|Lương Hữu Khánh|
Tản Đà|Trần Tuấn Khải|Lão Tử|Phùng Hưng|Triệu Quang Phục|Học Lạc|Phước Hưng|Trang Tử|Nguyễn Duy Dương|Trần Hòa|Kim Biên|
Hà Tôn Quyền|Xóm Vôi|Tạ Uyên|Phú Giáo|Đỗ Ngọc Thạnh|Nguyễn Thị Nhỏ|Lạc Long Quân|Lê Thị Bạch Cát|Ông Ích Khiêm|Dương Đình Nghệ|
Tân Hóa|Phan Văn Khỏe|Bến Phú Lâm|Chợ Lớn|Trần Văn Kiểu|Phan Xích Long|Nguyễn Văn Săng|Lê Niệm|Vườn Lài|Tân Sơn Nhì|Độc Lập|
Thạch Lam|Kênh Tân Hóa|Lũy Bán Bích|Trịnh Đình Trọng|Trịnh Đình Thảo|Văn Cao|Bờ Bao Tân Thắng|Lê Khôi|Thoại Ngọc Hầu|
Võ Thành Trang|Nguyễn Súy|Dương Văn Dương|Gò Cát|Hiệp Bình Chánh|Hiệp Bình Phước|Linh Trung|Linh Xuân|Linh Chiểu|
Trần Văn Giàu|Lê Cơ|Tân Kỳ Tân Quý|Nguyễn Thức Tự|Mễ Cốc|Ấp Đông|Đông Hưng Thuận|Tô Vĩnh Diện|Bình Hòa|Trường Thọ|Bình Triệu|
Trần Phú|Lê Văn Huân|Nguyễn Minh Hoàng|Lê Bình|Nguyễn Trọng Lội|Bạch Vân|Phạm Phú Thứ|Nguyễn Chế Nghĩa|Bùi Hữu Nghĩa|
Sương Nguyệt Ánh|Nguyễn Văn Tráng|Tôn Thất Tùng|Phạm Hồng Thái|Lưu Văn Lang|Lê Chánh|Nguyễn Biểu|Lý Chiêu Hoàng|Bình Đông|
Lý Thái Tổ|Lê Văn Thịnh|Bùi Tá Hán|Trương Văn Bang|Giang Văn Minh|Nguyễn Quý Cảnh|Nguyễn Văn Giáp|Trần Lựu|Đỗ Pháp Thuận|
Nguyễn Thị Định|Lê Thước|Cao Đức Lân|Quách Giai|Thân Văn Nhiếp|Nguyễn Ư Dĩ|Trần Lựu|Nguyễn Đăng Giai|Lương Định Của|
Lê Hữu Kiều|Vũ Phương Đề|Nguyễn Thanh Sơn|Bát Nàn|Nguyễn Duy Hiệu|Nguyễn Hoàng|Tạ Hiện|Ngô Quang Huy|Lý Phục Man|
Huỳnh Thiện Lộc|Trần Văn Dư|Thạnh Xuân|Bùi Công Trừng|Đông Hưng Thuận 2|Nguyễn Thành Vĩnh|Trần Thị Cờ|Lê Đình Cẩn|
Tân Chánh Hiệp|Tân Thới Hiệp|Vườn Điều|Trịnh Thị Miếng|Nguyễn Văn Quỳ|Trần Hữu Trang|Đào Duy Anh|Đào Duy Từ|Bến Mễ Cốc|
Phan Tây Hồ|Hoàng Diệu|Trần Khánh Dư|Cô Giang|Hòa Bình|Lương Nhữ Học|Nguyễn Chánh Sắt|Trần Tấn|Gò Xoài|Ni Sư Huỳnh Liên|
Hồng Lạc|Nghĩa Phát|Âu Cơ|Lê Minh Xuân|Bình Giã|Yên Thế|Núi Thành|Đồ Sơn|Sông Thao|Hậu Giang|Sông Đà|Cửu Long|Bạch Đằng|
Phan Thúc Duyện|Nguyễn Minh Hoàng|Xuân Diệu|Xuân Hồng|Hát Giang|Nguyễn Đình Khơi|Phạm Văn Bạch|Trần Mai Ninh|Nguyễn Thái Sơn|
Phạm Văn Đồng|Nguyễn Xí|Phạm Huy Thông|Tân Sơn Hòa|Lê Lai|Nguyễn Đình Chính|Phan Tôn|Trần Nhân Tôn|Sư Thiện Chiếu|
Võ Trường Toản|Lương Thế Vinh|Huỳnh Mẫn Đạt|Lê Trực|Trần Cao Vân|Bà Lê Chân|Phan Văn Trị|Cao Văn Lầu|Bình Phú|
Nguyễn Văn Bá|Đặng Văn Bi|Đường 30 Tháng 4|Quốc lộ 1K|Đỗ Mười|Vành đai 2|Phan Huy Ích|Cây Keo|Chu Văn An|
Trịnh Hoài Đức|Tô Hiệu|Trần Đình Xu|Nguyễn Trọng Tuyển|Trần Quang Diệu|Nguyễn Hồng Đào|Tống Văn Trân|Nguyễn Đình Chiểu|
Bình Thuận|Lê Văn Tám|Hương lộ 11|Nguyễn Hữu Trí|Võ Văn Vân|Trần Đại Nghĩa|Vĩnh Lộc|Bà Ba|Hoàng Phan Thái|Đinh Đức Thiện|
Đào Trinh Nhất|Lê Lợi|Kinh Dương Vương|Cây Cám|Phạm Đăng Giảng|Gò Dầu|Sơn Kỳ|Tân Quý|Tân Thành|Tô Hiệu|Trần Thủ Độ|
Lê Sao|Thạch Thị Thanh|Trần Quang Cơ|Phùng Chí Kiên|Đỗ Thừa Luông|Lê Thúc Hoạch|Nguyễn Lộ Trạch|Văn Cao|Trương Vĩnh Ký|
Nguyễn Thế Truyện|Tô Hiến Thành|Đồng Nai|Bắc Hải|Cửu Long|Trần Quốc Hoàn|Phạm Văn Xảo|Trần Thánh Tông|Nguyễn Hiến Lê|
Lê Văn Việt|Nguyễn Ảnh Thủ|Nguyễn Thị Sóc|Song Hành Quốc lộ 22|Lý Thường Kiệt|Nguyễn Thị Ngâu|Trần Văn Mười|Đặng Công Bỉnh|
Nguyễn Văn Khạ|Tỉnh lộ 9|Hà Văn Lao|Ba Sa|Bùi Thị He|Nguyễn Giao|Cây Da|Lê Thọ Xuân|Nguyễn Văn Ni|Trần Tử Bình|
Rạch Chiếc|Nguyễn Tất Thành|Khánh Hội|Cao Thắng|Tân Phước|Lê Đình Thám|Huỳnh Văn Lũy|Cao Văn Ngọc|Tân Lập|
`;

/** The street list, de-duplicated, with official spelling and diacritics. */
export const HCMC_STREETS: readonly string[] = [
  ...new Set(
    STREETS.split('|')
      .map((s) => s.trim())
      .filter((s) => s.length > 1)
      .map((s) => s.replace(/^Đường (?=\d)/u, '')),
  ),
];

/**
 * Other ways people write a street: the spoken or numeric form of a date-named street, and the initials used for
 * the long names of the best-known avenues (as on social media and in taxi apps). Each maps to the official
 * name above. `keyed`: only right after a street word (đường, phố, street), because the bare form is also a
 * date ("3/2") or a number. Initials count without a street word only when written in capitals ("XVNT").
 */
export const STREET_ALIASES: readonly { written: string; name: string; keyed?: boolean }[] = [
  { written: 'Cách Mạng Tháng 8', name: 'Cách Mạng Tháng Tám' },
  { written: 'CM Tháng 8', name: 'Cách Mạng Tháng Tám' },
  { written: 'CMT8', name: 'Cách Mạng Tháng Tám' },
  { written: 'CMTT', name: 'Cách Mạng Tháng Tám' },
  { written: 'Ba Tháng Hai', name: '3 Tháng 2' },
  { written: '3/2', name: '3 Tháng 2', keyed: true },
  { written: '30/4', name: '30 Tháng 4', keyed: true },
  { written: 'Ba Mươi Tháng Tư', name: '30 Tháng 4' },
  { written: 'XVNT', name: 'Xô Viết Nghệ Tĩnh' },
  { written: 'NKKN', name: 'Nam Kỳ Khởi Nghĩa' },
  { written: 'ĐBP', name: 'Điện Biên Phủ' },
  { written: 'NTMK', name: 'Nguyễn Thị Minh Khai' },
  { written: 'NĐC', name: 'Nguyễn Đình Chiểu' },
  { written: 'THĐ', name: 'Trần Hưng Đạo' },
  { written: 'NVL', name: 'Nguyễn Văn Linh' },
  { written: 'PVĐ', name: 'Phạm Văn Đồng' },
  { written: 'HTP', name: 'Huỳnh Tấn Phát' },
  { written: 'NHT', name: 'Nguyễn Hữu Thọ' },
  { written: 'NHC', name: 'Nguyễn Hữu Cảnh' },
  { written: 'VVK', name: 'Võ Văn Kiệt' },
  { written: 'VVN', name: 'Võ Văn Ngân' },
  { written: 'VNG', name: 'Võ Nguyên Giáp' },
  { written: 'XLHN', name: 'Xa lộ Hà Nội' },
  { written: 'KDV', name: 'Kinh Dương Vương' },
  { written: 'LVS', name: 'Lê Văn Sỹ' },
  { written: 'HVT', name: 'Hoàng Văn Thụ' },
  { written: 'PĐL', name: 'Phan Đăng Lưu' },
  { written: 'LVV', name: 'Lê Văn Việt' },
];
