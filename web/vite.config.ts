import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react(), portalAtRoot()],
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
