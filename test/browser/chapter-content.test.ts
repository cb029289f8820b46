/**
 * Chapters are data, not programs (src/chapters/mdx-safety.ts refuses the rest at validate): in
 * every built chapter page of every edition, the chapter's article holds no script, frame,
 * embedded object or style element but the components' own (the site's bundled modules, JSON
 * state, the charts' SVG styles), no event-handler attribute, no `javascript:`, `data:` or
 * `vbscript:` link, and loads nothing from another site. (The `style` attribute is refused in the
 * chapters' source only: the components' SVG charts set one.) Read from the built HTML.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { basePath } from '../../src/site/deploy.ts';
import { chapterUrls, editionsWithPages } from './catalog-pages.ts';
import { builtHtml } from './site-pages.ts';

const pages = editionsWithPages.flatMap((e) => chapterUrls(e));
/** Where the page is served from, for resolving its relative URLs. */
const SITE = 'https://site.invalid';
const sameSite = (url: string) => new URL(url, SITE).origin === SITE;

/** The components' own: the site's bundled modules, JSON state, the charts' SVG styles. */
function ours(el: Element): boolean {
  if (el.localName === 'style') return el.closest('svg') !== null;
  if (el.localName !== 'script') return false;
  const src = el.getAttribute('src');
  if (el.getAttribute('type') === 'application/json') return src === null;
  return el.getAttribute('type') === 'module' && src !== null && sameSite(src) && /\/_astro\/[^/]+\.js$/.test(new URL(src, SITE).pathname);
}

/** What a chapter may not bring into its page. */
function unsafeInArticle(html: string): string[] {
  const article = parseHTML(html).document.querySelector('article');
  if (!article) return ['no <article>'];
  const problems: string[] = [];
  for (const el of article.querySelectorAll('script, iframe, object, embed, style, frame, applet, base, form')) if (!ours(el)) problems.push(`<${el.localName}>`);
  for (const el of article.querySelectorAll('*')) {
    for (const attr of el.attributes) if (/^on/i.test(attr.name)) problems.push(`<${el.localName} ${attr.name}>`);
    const href = el.getAttribute('href');
    if (href && /^\s*(javascript|data|vbscript):/i.test(href)) problems.push(`href=${href}`);
    for (const name of ['src', 'srcset', 'poster', 'data']) {
      const url = el.getAttribute(name)?.trim().split(/\s/)[0];
      if (url && !sameSite(url)) problems.push(`${name}=${url}`);
    }
  }
  return problems;
}

describe('a chapter page holds what a chapter may hold', () => {
  it('the check sees what a chapter may not hold', () => {
    const html = `<article><p onclick="x">a</p><script>alert(1)</script><a href="javascript:x">b</a><img src="https://tiers.example/i.png"><svg><style>.a{}</style></svg><script type="module" src="${basePath()}_astro/a.js"></script></article>`;
    expect(unsafeInArticle(html)).toEqual(['<script>', '<p onclick>', 'href=javascript:x', 'src=https://tiers.example/i.png']);
  });

  it.each(pages)('%s', (url) => {
    expect(unsafeInArticle(builtHtml(url))).toEqual([]);
  });
});
