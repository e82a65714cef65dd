import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACK_TEMPLATE_VARIABLES, findUnknownVariables, renderTemplate } from './render-template.ts';

test('fills known variables and keeps unknown ones visible', () => {
  assert.equal(
    renderTemplate('{unitName} đã tiếp nhận. Mã hồ sơ: {trackingCode}. {oops}', { unitName: 'UBND Phường Sài Gòn', trackingCode: 'GD-AAAA-BBBB' }),
    'UBND Phường Sài Gòn đã tiếp nhận. Mã hồ sơ: GD-AAAA-BBBB. {oops}',
  );
});

test('a value containing braces is not re-expanded', () => {
  assert.equal(renderTemplate('{a}{b}', { a: '{b}', b: 'x' }), '{b}x');
});

test('finds unknown variables', () => {
  assert.deepEqual(findUnknownVariables('Mã: {trackingCode} {trackingcode} {foo}', ACK_TEMPLATE_VARIABLES), ['trackingcode', 'foo']);
  assert.deepEqual(findUnknownVariables('Mã: {trackingCode}', ACK_TEMPLATE_VARIABLES), []);
});
