/**
 * The errors `npm run validate` gives one chapter: a throw-away `99-essai.mdx` holding these lines
 * after its front matter (line 6 on) is written into an edition folder, checked, then removed.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../src/data/catalog.ts';
import { checkChapters } from '../../src/data/chapters-check.ts';
import { displayPath } from '../../src/data/paths.ts';

/** `line:column: message` of each error of the chapter. */
export function chapterErrors(catalog: Catalog, contentRoot: string, editionDir: string, lines: string[]): string[] {
  const file = path.join(editionDir, '99-essai.mdx');
  writeFileSync(file, ['---', 'title: Essai', 'summary: Essai.', '---', '', ...lines, ''].join('\n'));
  try {
    return checkChapters(catalog, contentRoot)
      .filter((i) => i.file === displayPath(file))
      .map((i) => `${i.line}:${i.column}: ${i.message}`);
  } finally {
    rmSync(file);
  }
}
