// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// Where the site is deployed: CEP_SITE_URL is its origin, CEP_BASE_PATH its folder there
// (« /cep-rapports/ » for a GitHub Pages project site; « / » by default). Links go through
// src/site/url.ts, which adds the base path.
const base = `/${(process.env.CEP_BASE_PATH ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

export default defineConfig({
  site: process.env.CEP_SITE_URL || 'http://127.0.0.1:4321',
  base,
  output: 'static',
  trailingSlash: 'always',
  integrations: [mdx()],
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  vite: {
    // Native DuckDB stays a Node dependency of the build, never bundled.
    ssr: { external: ['@duckdb/node-api'] },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    build: {
      // Scripts stay in files of their own: the Content-Security-Policy allows no inline script.
      assetsInlineLimit: 0,
      rollupOptions: {
        // MDX modules carry Astro's own "use astro:head-inject" directive: known and harmless.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
