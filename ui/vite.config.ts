// Vite configuration: the Svelte plugin, the fixed dev port Tauri expects, the build into
// dist/, a preview server that enforces the app's Content-Security-Policy, and Vitest.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// The same policy the desktop shell enforces; preview serves the built app under it so
// that anything needing inline scripts or styles shows up before it ships.
const CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self'; script-src 'self'";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ['**/src-tauri/**', '**/target/**'] },
  },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
