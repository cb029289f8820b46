/**
 * What changed in a chapter as readers see it: the rendered HTML of both editions cut into
 * blocks of text (paragraphs, list items, headings, key figures; figures are data, compared as such), the blocks aligned, and each
 * changed block diffed word by word. The `diff` library does both alignments.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import { parseHTML } from 'linkedom';

/** A run of words, unchanged, inserted or deleted. */
export interface WordRun {
  text: string;
  kind: 'same' | 'ins' | 'del';
}

export interface BlockChange {
  kind: 'added' | 'removed' | 'changed';
  /** The block's words; for a changed block, its old and new words interleaved. */
  runs: WordRun[];
}

/** Below this share of unchanged characters, a block counts as rewritten. */
const REWRITTEN = 0.5;
const BLOCKS = 'p, li, h2, h3, h4, h5, h6, .stat';
// Figures (tables, charts, their notes and downloads) are data: their changes are listed with the data.
const SKIPPED = 'figure, table, svg, .notes, .downloads, nav, script, style, template';

/** The text of each innermost block of a rendered chapter, whitespace collapsed, in page order. */
export function readerBlocks(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (el.closest(SKIPPED) || el.querySelector(BLOCKS)) continue;
    // A key figure is a label and a value in separate elements: keep them apart.
    const parts = el.matches('.stat') ? [...el.children].map((c) => c.textContent ?? '') : [el.textContent ?? ''];
    const text = parts.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' : ');
    if (text) blocks.push(text);
  }
  return blocks;
}

/** The blocks added, removed or changed (a removal next to an addition is a change, word by word). */
export function compareBlocks(before: string[], after: string[]): BlockChange[] {
  const changes: BlockChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const [was, is] = [removed[k], added[k]];
      if (was !== undefined && is !== undefined) changes.push({ kind: 'changed', runs: wordRuns(was, is) });
      else if (was !== undefined) changes.push({ kind: 'removed', runs: [{ text: was, kind: 'del' }] });
      else if (is !== undefined) changes.push({ kind: 'added', runs: [{ text: is, kind: 'ins' }] });
    }
    removed = [];
    added = [];
  };
  for (const part of diffArrays(before, after)) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) added.push(...part.value);
    else flush();
  }
  flush();
  return changes;
}

/**
 * Word-level changes from one text to the other; a block rewritten for the most part reads
 * better as the old text, then the new one.
 */
export function wordRuns(before: string, after: string): WordRun[] {
  const runs: WordRun[] = diffWordsWithSpace(before, after).map((part) => ({
    text: part.value,
    kind: part.added ? 'ins' : part.removed ? 'del' : 'same',
  }));
  const kept = runs.filter((r) => r.kind === 'same').reduce((n, r) => n + r.text.length, 0);
  if (kept >= REWRITTEN * Math.max(before.length, after.length)) return runs;
  return [{ text: before, kind: 'del' }, { text: ' ', kind: 'same' }, { text: after, kind: 'ins' }];
}
