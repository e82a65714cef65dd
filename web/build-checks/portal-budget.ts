/**
 * The portal must start on a phone over a slow connection: its initial JavaScript — the entry script of
 * dist/index.html and every chunk it imports statically, transitively (lazy `import()` chunks excluded) — stays
 * within 150 KB gzip. Used by the Vite build (which fails above the budget) and by the e2e budget test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const PORTAL_INITIAL_JS_BUDGET_BYTES = 150 * 1024;

// Static imports in Vite's minified output: `import"./a.js"`, `from"./a.js"`, `import{x}from"./a.js"`.
// A dynamic `import("./a.js")` has a parenthesis before the quote, so it does not match.
const STATIC_IMPORT_RE = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/gu;
const ENTRY_RE = /<script[^>]*type="module"[^>]*src="([^"]+)"/gu;

/** Relative URLs of the chunks a JS file imports statically. Pure. */
export function staticImportsOf(source: string): string[] {
  return [...source.matchAll(STATIC_IMPORT_RE)].map((m) => m[1]!);
}

/** Entry scripts of an HTML page, as absolute paths under the site root. Pure. */
export function entryScriptsOf(html: string): string[] {
  return [...html.matchAll(ENTRY_RE)].map((m) => m[1]!);
}

export type InitialJs = { files: { file: string; gzipBytes: number }[]; gzipBytes: number };

/** Walks the static import graph from the page's entry scripts; sizes are gzip level 9, as served (preCompressed). */
export function measureInitialJs(distDir: string, htmlFile = 'index.html'): InitialJs {
  const seen = new Set<string>();
  const files: InitialJs['files'] = [];
  const visit = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    const source = readFileSync(path.join(distDir, absolute));
    files.push({ file: absolute, gzipBytes: gzipSync(source, { level: 9 }).length });
    for (const relative of staticImportsOf(source.toString('utf8'))) visit(path.posix.join(path.posix.dirname(absolute), relative));
  };
  const entries = entryScriptsOf(readFileSync(path.join(distDir, htmlFile), 'utf8'));
  if (entries.length === 0) throw new Error(`${htmlFile} has no module entry script`);
  for (const entry of entries) visit(entry);
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
