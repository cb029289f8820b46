/**
 * After Astro has built the pages, fill each edition diff page's chapter placeholders with the
 * chapter's changes as readers see them: the two editions' built chapter pages, compared block by
 * block and word by word (text-diff.ts). Done on the built HTML because a chapter's components
 * read their edition from the page being rendered: one page cannot render two editions' chapters.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml } from '../explorer/render.ts';
import { compareBlocks, readerBlocks, type BlockChange } from './text-diff.ts';

const PLACEHOLDER = /<div data-chapter-diff data-before="([^"]+)" data-after="([^"]+)"><\/div>/g;
const LABELS = { added: 'Passage ajouté', removed: 'Passage retiré', changed: 'Passage modifié' };

/** Fills every placeholder under `dir`; returns the number of chapters compared. */
export function fillChapterDiffs(dir: string): number {
  let filled = 0;
  for (const file of diffPages(dir)) {
    const html = readFileSync(file, 'utf8');
    const out = html.replace(PLACEHOLDER, (_, before: string, after: string) => {
      filled++;
      return changesHtml(compareBlocks(readerBlocks(chapterHtml(dir, before)), readerBlocks(chapterHtml(dir, after))));
    });
    if (out !== html) writeFileSync(file, out);
  }
  return filled;
}

/** The pages /<region>/<year>/editions/v<A>-v<B>/index.html. */
function diffPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)editions\/v\d+-v\d+\/index\.html$/.test(f.split(path.sep).join('/')))
    .map((f) => path.join(dir, f));
}

/** The <article> of a built chapter page, given its path under the site root. */
function chapterHtml(dir: string, page: string): string {
  const file = path.join(dir, page, 'index.html');
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} : page de chapitre introuvable pour la comparaison des éditions`);
  }
  const article = /<article[^>]*>([\s\S]*)<\/article>/.exec(html)?.[1];
  if (article === undefined) throw new Error(`${file} : la page de chapitre n'a pas d'élément <article>`);
  return article;
}

function changesHtml(changes: BlockChange[]): string {
  if (changes.length === 0) return '<p>Le texte lu ne change pas : seule la mise en forme du chapitre diffère.</p>';
  const items = changes.map((c) => {
    const runs = c.runs.map((r) => (r.kind === 'same' ? escapeHtml(r.text) : `<${r.kind}>${escapeHtml(r.text)}</${r.kind}>`)).join('');
    return `<li><span class="visually-hidden">${LABELS[c.kind]} : </span><p class="text-diff-${c.kind}">${runs}</p></li>`;
  });
  return `<ol class="text-diff">${items.join('')}</ol>`;
}
