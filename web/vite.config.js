// Builds the pages into one directory that CMake embeds in the gongshi binary. Vite compiles the
// Vue templates ahead of time, so the pages run under a Content-Security-Policy without
// 'unsafe-eval' or inline scripts; file names carry a content hash (served as immutable).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    outDir: process.env.GONGSHI_WEB_OUT || 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
});
