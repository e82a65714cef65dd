import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findUnknownReplyVariables, renderReplyTemplate } from './reply-template.ts';

const missing = (name: string) => `[chưa có ${name}]`;

test('fills every known variable from the case', () => {
  const r = renderReplyTemplate(
    'Kính gửi {formOfAddress}, hồ sơ {trackingCode} do {unitName} giải quyết trước {dueDate}. Cần chuẩn bị:\n{procedureDocuments}\n{staffName}',
    { formOfAddress: 'ông/bà Nguyễn Văn A', trackingCode: 'GD-AAAA-BBBB', unitName: 'UBND Phường Sài Gòn', dueDate: '17:00 14/12/2026', procedureDocuments: '- Tờ khai\n- Bản sao CCCD', staffName: 'Lê Thị Hoa' },
    missing,
  );
  assert.equal(r.text, 'Kính gửi ông/bà Nguyễn Văn A, hồ sơ GD-AAAA-BBBB do UBND Phường Sài Gòn giải quyết trước 17:00 14/12/2026. Cần chuẩn bị:\n- Tờ khai\n- Bản sao CCCD\nLê Thị Hoa');
  assert.deepEqual(r.missing, []);
});

test('a missing value becomes a clear placeholder and is reported once, never a crash', () => {
  const r = renderReplyTemplate('{citizenName} — hạn {dueDate}, lại hạn {dueDate}; {procedureDocuments}', { citizenName: null, dueDate: undefined, procedureDocuments: '  ' }, missing);
  assert.equal(r.text, '[chưa có citizenName] — hạn [chưa có dueDate], lại hạn [chưa có dueDate]; [chưa có procedureDocuments]');
  assert.deepEqual(r.missing, ['citizenName', 'dueDate', 'procedureDocuments']);
});

test('unknown variables are left as written when rendering and found when saving', () => {
  assert.equal(renderReplyTemplate('Mã {trackingcode} {trackingCode}', { trackingCode: 'GD-1' }, missing).text, 'Mã {trackingcode} GD-1');
  assert.deepEqual(findUnknownReplyVariables('{trackingcode} {foo} {foo} {dueDate} {constructor}'), ['trackingcode', 'foo', 'constructor']);
  assert.deepEqual(findUnknownReplyVariables('Không có biến nào, chỉ {dấu ngoặc} tiếng Việt'), []);
});

test('a value is inserted literally (braces or $ patterns in it are not re-expanded)', () => {
  assert.equal(renderReplyTemplate('{citizenName}/{trackingCode}', { citizenName: '{trackingCode} $& $1', trackingCode: 'GD-1' }, missing).text, '{trackingCode} $& $1/GD-1');
});
