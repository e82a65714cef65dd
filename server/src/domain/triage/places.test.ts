import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGazetteer } from '../../triage/load-gazetteer.ts';
import { collapseSpaces, extractPlaces, foldKeepCase } from './places.ts';
import { resolvePlace, findUnitAtPoint } from './resolve-place.ts';
import { loadWardBoundaries } from '../../triage/load-boundaries.ts';

const g = loadGazetteer();

void test('old ward names with and without diacritics, abbreviations', () => {
  const table: [string, string | null, string | null][] = [
    ['nhà ở phường Linh Trung, TP Thủ Đức', 'Linh Trung', 'Thủ Đức'],
    ['nha o phuong linh trung thu duc', 'Linh Trung', 'Thủ Đức'],
    ['ngập ở P7 Q3', 'Phường 7', 'Quận 3'],
    ['ở Q12 có ổ gà', null, 'Quận 12'],
    ['xin giay o phuong 6 quan 4', 'Phường 6', 'Quận 4'],
    ['gọi phường 5 lần không ai nghe', null, null],
    ['Tôi tán thành dự thảo của phường', null, null],
    ['Ngập ở Bình Hưng Hòa A', 'Bình Hưng Hòa A', null],
  ];
  for (const [text, ward, district] of table) {
    const p = extractPlaces(text, g);
    assert.equal(p.ward, ward, text);
    assert.equal(p.district, district, text);
  }
});

void test('streets: canonical spelling, alleys, numbered roads, no false "Phan Anh"', () => {
  assert.equal(extractPlaces('rác ở hẻm 51 Tô Ký', g).street, 'Tô Ký');
  assert.equal(extractPlaces('duong Nguyen Huu Canh ngap', g).street, 'Nguyễn Hữu Cảnh');
  assert.equal(extractPlaces('xay nha o duong so 8', g).street, 'Đường số 8');
  assert.equal(extractPlaces('tai nạn trên ql 22', g).street, 'Quốc lộ 22');
  assert.equal(extractPlaces('Tôi xin phản ánh việc lấn chiếm', g).street, null);
  // Streets missing from the list: capitalised words after "đường", "hẻm N" or "số N", up to punctuation.
  assert.equal(extractPlaces('Rác đầy hẻm 12 Huỳnh Khương Ninh, phường Đa Kao', g).street, 'Huỳnh Khương Ninh');
  assert.equal(extractPlaces('Cống nghẹt trên đường Huỳnh Khương Ninh.', g).street, 'Huỳnh Khương Ninh');
});

void test('streets written by initials, spoken or numeric forms map to the official name', () => {
  const table: [string, string | null][] = [
    ['kẹt xe đường CMT8 quận 3', 'Cách Mạng Tháng Tám'],
    ['ket xe cmt8 gio cao diem', 'Cách Mạng Tháng Tám'],
    ['duong Cach Mang Thang 8 ngap', 'Cách Mạng Tháng Tám'],
    ['ngập nặng ở XVNT', 'Xô Viết Nghệ Tĩnh'],
    ['duong NVL ket xe', 'Nguyễn Văn Linh'],
    ['đường Ba Tháng Hai có ổ gà', '3 Tháng 2'],
    ['đường 3/2 quận 10 ngập', '3 Tháng 2'],
    ['ngã tư 3/2 Lý Thường Kiệt kẹt xe', '3 Tháng 2'],
    ['tai nạn trên QL1A', 'Quốc lộ 1A'],
    ['TL10 ngập', 'Tỉnh lộ 10'],
    // A date, a house number, an alley number and a company's initials are not streets.
    ['hôm 3/2 tôi đi qua thấy rác', null],
    ['nhà số 3/2 Lê Lợi bị ngập', 'Lê Lợi'],
    ['hẻm 3/2 Lê Lợi tối om', 'Lê Lợi'],
    ['dự án NVL chậm bàn giao', null],
  ];
  for (const [text, street] of table) assert.equal(extractPlaces(text, g).street, street, text);
});

void test('a district named after "ngã tư" or "từ" (from)', () => {
  assert.equal(extractPlaces('kẹt xe ngã tư Hóc Môn', g).district, 'Hóc Môn');
  assert.equal(extractPlaces('ket xe nga tu Thu Duc', g).district, 'Thủ Đức');
  assert.equal(extractPlaces('xe buýt từ Cần Giờ vào trung tâm', g).district, 'Cần Giờ');
});

void test('a merged ward resolves to its 2025 unit with an explanation', () => {
  const r = resolvePlace(extractPlaces('phường Linh Trung, Thủ Đức', g), g);
  assert.equal(g.units2025.get(r.unitCode ?? '')?.fullName, 'Phường Linh Xuân');
  assert.match(r.explanation[0]?.en ?? '', /merged into Phường Linh Xuân on 2025-07-01/);
});

void test('a split ward gives candidates and asks for detail', () => {
  const r = resolvePlace(extractPlaces('phường Đa Kao quận 1', g), g);
  assert.equal(r.unitCode, null);
  assert.ok(r.candidates.length >= 2);
  assert.equal(r.needsMoreDetail, true);
});

void test('a map point resolves by point-in-polygon', () => {
  assert.equal(findUnitAtPoint(10.7769, 106.7009, loadWardBoundaries())?.name, 'Phường Sài Gòn');
  assert.equal(findUnitAtPoint(0, 0, loadWardBoundaries()), undefined);
});

void test('foldKeepCase drops diacritics and keeps case, as NFD and mark removal would', () => {
  const reference = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
  const samples = ['Phan Anh', 'phản ánh', 'Đường Lê Lợi', 'ĐẶNG VĂN BI', 'e\u0301 loose mark', 'Привет', 'ǅ ǈ ß İ', '😀 Tô Ký'];
  for (let c = 0; c < 0x2000; c++) samples.push(`Ấ${String.fromCharCode(c)}ơ`);
  for (const t of samples) assert.equal(foldKeepCase(t), reference(t), JSON.stringify(t));
});

void test('landmarks are found as whole words only', () => {
  assert.equal(extractPlaces('rác ở chợ Bà Chiểu quá', g).ward, 'Phường 1');
  assert.equal(extractPlaces('rác ở chợ Bà Chiểuu', g).ward, null);
  assert.deepEqual(extractPlaces('gần landmark 81 và chợ Bến Thành', g).mentions.filter((m) => m.startsWith('landmark:')), ['landmark:landmark 81', 'landmark:cho ben thanh']);
});

void test('collapseSpaces collapses every run of white space to one space, as /\\s+/ does', () => {
  const samples = ['a b', 'a  b', ' a ', 'a\nb', 'a \n b', 'a\tb', 'x\u00A0y', 'x\u2003y', 'x\uFEFFy', 'x\u3000 y', '', ' ', 'no-space'];
  for (let c = 0; c < 0x10000; c += 1) samples.push(`a${String.fromCharCode(c)}b c`);
  for (const t of samples) assert.equal(collapseSpaces(t), t.replace(/\s+/gu, ' '), JSON.stringify(t));
});
