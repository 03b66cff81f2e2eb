/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Library mode: two ES modules in ../wwwroot/canvas/ — canvas.mjs (+ canvas.css), imported by FlowCanvas.razor.cs, and
// expression.mjs (CodeMirror), imported by ExpressionEditor.razor.cs.
export default defineConfig({
  plugins: [react()],
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    lib: {
      entry: { canvas: 'src/index.tsx', expression: 'src/expression.ts' },
      formats: ['es'],
      fileName: (_, name) => `${name}.mjs`,
      cssFileName: 'canvas',
    },
    outDir: '../wwwroot/canvas',
    emptyOutDir: true,
    cssCodeSplit: false,
    minify: true,
  },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
