// The desk's four pages, built into web/dist for `sitrep serve` (which serves them
// with the API on one origin). `npm run dev` proxies /api to a server on port 8080.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        event: resolve(import.meta.dirname, 'event.html'),
        article: resolve(import.meta.dirname, 'article.html'),
        actor: resolve(import.meta.dirname, 'actor.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
