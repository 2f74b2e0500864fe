import { defineConfig } from 'vite';

// The web app (trainer console, trainee screen, kiosk, planner) lives in src/app
// and is built into dist/app; everything is bundled locally — no CDN.
export default defineConfig({
  root: 'src/app',
  publicDir: '../../public',
  build: { outDir: '../../dist/app', emptyOutDir: true },
});
