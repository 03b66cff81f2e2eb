/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Library mode: one ES module (canvas.mjs) and its CSS in ../wwwroot/canvas/, imported by FlowCanvas.razor.cs.
export default defineConfig({
  plugins: [react()],
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    lib: { entry: 'src/index.tsx', formats: ['es'], fileName: () => 'canvas.mjs', cssFileName: 'canvas' },
    outDir: '../wwwroot/canvas',
    emptyOutDir: true,
    cssCodeSplit: false,
    minify: true,
  },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
