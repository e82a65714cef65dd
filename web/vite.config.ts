import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { measureInitialJs, PORTAL_INITIAL_JS_BUDGET_BYTES } from './build-checks/portal-budget.ts';

const webDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * Vite names each HTML output after its path under `root`, so the portal would land in dist/portal/index.html.
 * The server serves the portal at `/`, so move it to dist/index.html (asset URLs are absolute, nothing else moves).
 */
function portalAtRoot(): Plugin {
  return {
    name: 'gandan-portal-at-root',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const portal = bundle['portal/index.html'];
      if (portal) portal.fileName = 'index.html';
    },
  };
}

/**
 * Writes .gz and .br beside each text asset (the server serves them with `preCompressed`, so a phone on a slow
 * connection downloads the compressed size), then fails the build when the portal's initial JavaScript is over
 * its gzip budget (web/build-checks/portal-budget.ts).
 */
function precompressAndCheckBudget(): Plugin {
  const outDir = path.join(webDir, 'dist');
  return {
    name: 'gandan-precompress-and-budget',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : [path.join(dir, name)]));
      for (const file of walk(outDir).filter((f) => /\.(js|css|html|svg|json)$/u.test(f))) {
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      const initial = measureInitialJs(outDir);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      if (initial.gzipBytes > PORTAL_INITIAL_JS_BUDGET_BYTES) {
        const list = initial.files.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ');
        throw new Error(`portal initial JavaScript is ${kb(initial.gzipBytes)} gzip, over the ${kb(PORTAL_INITIAL_JS_BUDGET_BYTES)} budget (${list})`);
      }
    },
  };
}

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react(), portalAtRoot(), precompressAndCheckBudget()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    rollupOptions: {
      input: {
        portal: fileURLToPath(new URL('./portal/index.html', import.meta.url)),
        console: fileURLToPath(new URL('./console/index.html', import.meta.url)),
      },
      // The chunk both apps share (React, i18n, UI) would otherwise be named after one of its modules.
      output: { chunkFileNames: 'assets/shared-[hash].js', assetFileNames: (asset) => (asset.names.some((name) => name.endsWith('.css')) ? 'assets/styles-[hash][extname]' : 'assets/[name]-[hash][extname]') },
    },
  },
  server: {
    // `npm run dev` serves the API on 3000 by default; the Vite dev server forwards API calls there.
    proxy: { '/api': process.env.GANDAN_API_URL ?? 'http://localhost:3000' },
  },
});
