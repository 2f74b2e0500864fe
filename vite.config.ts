import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app (trainer console, trainee screen; later kiosk and planner) lives in src/app and is
// built into dist/app, which `yanlian serve` serves at `/`. Everything is bundled locally — no CDN.
// `vite` (dev) proxies the API and the WebSocket to a drill server on 127.0.0.1:8080.
export default defineConfig({
  root: 'src/app',
  publicDir: '../../public',
  base: '/',
  plugins: [react()],
  // the playback route's lazy chunk carries three.js and r3f (~1 MB minified, ~260 kB gzip); the main chunk stays small
  build: { outDir: '../../dist/app', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1100 },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/status': 'http://127.0.0.1:8080',
      '/ws': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
});
