// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { basePath, siteUrl } from './src/site/deploy.ts';
import { glossaryLinks } from './src/markdown/glossary-links.ts';

export default defineConfig({
  // Links go through src/site/url.ts, which adds the base path.
  site: siteUrl(),
  base: basePath(),
  output: 'static',
  trailingSlash: 'always',
  integrations: [mdx()],
  markdown: {
    // Astro's own Markdown processor, which MDX inherits, with our HTML-tree plugins: the
    // chapters' first mention of each glossary term links to its entry.
    processor: satteri({ hastPlugins: [glossaryLinks({ base: basePath() })] }),
  },
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
