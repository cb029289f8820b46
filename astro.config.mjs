// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { basePath, siteUrl } from './src/site/deploy.ts';
import { fillChapterDiffs } from './src/editions/fill-chapter-diffs.ts';

export default defineConfig({
  // Links go through src/site/url.ts, which adds the base path.
  site: siteUrl(),
  base: basePath(),
  output: 'static',
  trailingSlash: 'always',
  integrations: [
    mdx(),
    // The edition diff pages compare the two editions' built chapter pages, once all are built.
    { name: 'chapter-diffs', hooks: { 'astro:build:done': ({ dir }) => void fillChapterDiffs(fileURLToPath(dir)) } },
  ],
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
