import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Forge serves the resource directory as-is, so every asset URL must be relative (base './').
// JSX goes through Vite 8's built-in oxc transform: @vitejs/plugin-react could not be installed
// next to Vite 8 (peer conflict), and the automatic runtime is all we need for a production build.
export default defineConfig({
  root: here,
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    // Atlaskit alone is over 500 kB; Forge has no bundle-size limit that a warning would protect.
    chunkSizeWarningLimit: 2000,
  },
});
