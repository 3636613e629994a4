import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    // The distribution's Microsoft client id, baked in when `npm run dist` runs with
    // MAILCHECK_MS_CLIENT_ID set (docs/oauth.md); an administrator's oauth.json still wins.
    define: {
      __MAILCHECK_BAKED_MS_CLIENT_ID__: JSON.stringify(process.env['MAILCHECK_MS_CLIENT_ID']?.trim() ?? ''),
    },
    build: {
      // The main bundle is CommonJS. These dependencies are ESM-only: bundle them rather than rely on
      // require(esm), so the main process loads them the same way on every Node/Electron version.
      externalizeDeps: { exclude: ['openid-client', 'oauth4webapi', 'jose', 'env-paths'] },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require npm modules: bundle everything it uses, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified by default; minified it is ~100 KB gzipped.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
