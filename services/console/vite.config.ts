import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';

const backend = process.env.CONSOLE_BACKEND_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [vue()],
  // Workspace packages (@urbangrid/live) as their TypeScript sources, as everywhere else in the repo.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Leaflet and ECharts are large; they are split so the login screen loads without them.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api/live': { target: backend, ws: true, changeOrigin: true },
      '/api': { target: backend, changeOrigin: true },
      '/open311': { target: backend, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api/live': { target: backend, ws: true, changeOrigin: true },
      '/api': { target: backend, changeOrigin: true },
      '/open311': { target: backend, changeOrigin: true },
    },
  },
});
