#!/usr/bin/env node
// Runs node:test over the project's test files. Usage: node scripts/run-tests.mjs [unit|int|e2e|all] [filter]
// Node 20 has no glob support in --test arguments, so the files are found here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const kind = process.argv[2] ?? 'all';
const filter = process.argv[3];
const roots = ['server', 'contracts', 'web', 'bench', 'scripts'];

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.test\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

const all = roots.flatMap((r) => { try { return walk(r, []); } catch { return []; } }).sort();
const pick = {
  unit: (f) => !/\.(int|e2e)\.test\./.test(f),
  int: (f) => /\.int\.test\./.test(f),
  e2e: (f) => /\.e2e\.test\./.test(f),
  all: () => true,
}[kind];
if (!pick) {
  console.error(`run-tests: unknown kind "${kind}" (unit|int|e2e|all)`);
  process.exit(2);
}
const files = all.filter(pick).filter((f) => !filter || f.includes(filter));
if (files.length === 0) {
  console.error(`run-tests: no ${kind} test files${filter ? ` matching ${filter}` : ''}`);
  process.exit(1);
}
const reporter = process.stdout.isTTY ? 'spec' : 'tap';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-reporter=${reporter}`, '--test-concurrency=2', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
