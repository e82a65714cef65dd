import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatProcedureAnswer } from './format-answer.ts';

test('the automatic answer names the procedure, the first documents, fee, time, place and the link', () => {
  const text = formatProcedureAnswer(
    [
      {
        code: '1.001193',
        shortName: 'Đăng ký khai sinh',
        documents: ['Tờ khai', 'Giấy chứng sinh', 'CCCD của cha hoặc mẹ', 'Giấy chứng nhận kết hôn', 'Giấy ủy quyền', 'Khác'],
        fees: [{ text: 'Miễn lệ phí khi đăng ký đúng hạn' }],
        processingTime: { text: 'Ngay trong ngày' },
        agency: 'UBND cấp xã',
      },
    ],
    'https://gandan.test',
  );
  assert.match(text, /^Trả lời tự động/);
  assert.match(text, /• Đăng ký khai sinh/);
  assert.match(text, /- Giấy chứng nhận kết hôn/);
  assert.doesNotMatch(text, /Giấy ủy quyền/, 'at most four documents are listed');
  assert.match(text, /… \(2 giấy tờ khác\)/);
  assert.match(text, /Lệ phí: Miễn lệ phí/);
  assert.match(text, /Chi tiết: https:\/\/gandan\.test\/thu-tuc\/1\.001193/);
});
