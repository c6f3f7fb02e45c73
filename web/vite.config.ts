import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

const config: UserConfig = {
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React changes a few times a year, the shell with every release: as its own
            // file, browsers keep it cached across deployments (hashed names, immutable).
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.GUICHET_API ?? 'http://localhost:3000' },
  },
};

/**
 * The web shell is a static single-page app: Fastify serves `web/dist` and answers every
 * non-API GET with `index.html`, so the router owns the paths. In development `vite` proxies
 * `/api` to a locally running server (GUICHET_API, default http://localhost:3000).
 */
export default defineConfig(({ command, mode }) => {
  // A build started from inside a test runner inherits NODE_ENV=test, and Vite would then ship
  // React's development build (three times larger, with dev warnings). `vite build` is for prod.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return config;
});
