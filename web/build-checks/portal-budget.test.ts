import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { entryScriptsOf, measureInitialJs, staticImportsOf } from './portal-budget.ts';

test('static imports in minified output are found; dynamic imports are not', () => {
  const source = 'import{a as b}from"./shared-1.js";import"./side.js";const p=()=>import("./lazy.js");export{x}from "../up.js";';
  assert.deepEqual(staticImportsOf(source), ['./shared-1.js', './side.js', '../up.js']);
});

test('entry scripts come from the page’s module scripts', () => {
  const html = '<script type="module" crossorigin src="/assets/portal-1.js"></script><link rel="modulepreload" href="/assets/shared.js">';
  assert.deepEqual(entryScriptsOf(html), ['/assets/portal-1.js']);
});

test('the measure follows the static graph once per file and leaves lazy chunks out', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'budget-'));
  try {
    mkdirSync(path.join(dir, 'assets'));
    const files: Record<string, string> = {
      'assets/entry.js': 'import"./a.js";import{b}from"./b.js";const l=()=>import("./lazy.js");',
      'assets/a.js': `import"./b.js";${'a'.repeat(5000)}`,
      'assets/b.js': 'export const b=1;',
      'assets/lazy.js': 'x'.repeat(100_000),
    };
    for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
    writeFileSync(path.join(dir, 'index.html'), '<script type="module" src="/assets/entry.js"></script>');
    const measured = measureInitialJs(dir);
    assert.deepEqual(measured.files.map((f) => f.file), ['/assets/entry.js', '/assets/a.js', '/assets/b.js']);
    const expected = ['entry.js', 'a.js', 'b.js'].reduce((sum, f) => sum + gzipSync(files[`assets/${f}`]!, { level: 9 }).length, 0);
    assert.equal(measured.gzipBytes, expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
