// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import { basePath, previewHeaders, siteUrl } from './src/site/deploy.ts';
import { fillChapterDiffs } from './src/editions/fill-chapter-diffs.ts';
import { glossaryLinks } from './src/markdown/glossary-links.ts';
import { inlineComponents } from './src/markdown/inline-components.ts';
import { typography } from './src/typography/integration.ts';

export default defineConfig({
  // Links go through src/site/url.ts, which adds the base path.
  site: siteUrl(),
  base: basePath(),
  output: 'static',
  trailingSlash: 'always',
  integrations: [
    // The chapters' Markdown passes, at rendering (released chapters stay as written): a figure
    // alone on a source line stays in its sentence (src/markdown/inline-components.ts); the first
    // mention of each glossary term links to its entry (src/markdown/glossary-links.ts).
    mdx({ processor: satteri({ mdastPlugins: [inlineComponents], hastPlugins: [glossaryLinks({ base: basePath() })] }) }),
    // The edition diff pages compare the two editions' built chapter pages, once all are built;
    // before the typography pass, which then covers their text too.
    { name: 'chapter-diffs', hooks: { 'astro:build:done': ({ dir }) => void fillChapterDiffs(fileURLToPath(dir)) } },
    // French typography over every built page, before Pagefind and the PDFs (src/typography/).
    typography(),
    // sitemap-index.xml of every page (not the data and citation files, nor the chart embeds,
    // which ask not to be indexed), named by robots.txt.
    sitemap({ filter: (page) => page.endsWith('/') && !/\/graphiques\/[^/]+\/$/.test(page) }),
  ],
  server: { host: '127.0.0.1', port: 4321, headers: previewHeaders() },
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
