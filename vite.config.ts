import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Workbox skips (and vite-plugin-pwa fails the build on) precache entries over this size
 * (shared/domain/ecosystem.md §11). Set deliberately: the routes are code-split, the largest
 * chunk (the 3D scenes: three.js and r3f) is about 1 MB, so 2 MiB leaves room and still fails the
 * build loudly if a chunk ever balloons past it — an entry chunk that is not precached would be a
 * blank kiosk offline.
 */
const PRECACHE_MAX_BYTES = 2 * 1024 * 1024;

// The web app (trainer console, trainee screen, kiosk, playback, planner) lives in src/app and is
// built into dist/app, which `yanlian serve` serves at `/`. Everything is bundled locally — no CDN.
// `vite` (dev) proxies the API and the WebSocket to a drill server on 127.0.0.1:8080.
// The PWA (vite-plugin-pwa): a manifest that installs the kiosk full-screen, and a service worker
// that precaches every built file, so after one visit the kiosk runs with the server stopped; the
// scenarios the kiosk plays are API responses, cached as they are fetched (network first).
export default defineConfig({
  root: 'src/app',
  publicDir: '../../public',
  base: '/',
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'auto',
      includeAssets: ['favicon.svg'],
      manifest: {
        name: '演练 · 科普体验馆',
        short_name: '科普体验',
        description: '县级应急演练与情景推演：自救互救科普体验（离线可用）',
        lang: 'zh-CN',
        start_url: '/#/kiosk',
        scope: '/',
        display: 'fullscreen',
        background_color: '#f3f5f8',
        theme_color: '#c8102e',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        maximumFileSizeToCacheInBytes: PRECACHE_MAX_BYTES,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/status/, /^\/ws/],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // the scenarios the kiosk plays (the school building, the county chains), fetched from the server
            urlPattern: ({ url }) => /^\/api\/(kiosk\/scenario|playback\/scenario)\//.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'yanlian-kiosk-scenarios', networkTimeoutSeconds: 4, expiration: { maxEntries: 32 } },
          },
        ],
      },
    }),
  ],
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
