// The dashboard's build: plain ES modules, no framework. `npm run build`
// writes dist/, which `attache serve` reads at start.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
