import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typedFigures } from '../../src/data/prose-numbers.ts';

function chapters(dir = 'content/reports'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? chapters(path.join(dir, e.name)) : e.name.endsWith('.mdx') ? [path.join(dir, e.name)] : [],
  );
}

describe('figures in the prose of chapters', () => {
  it('are all bound to the data: no digit typed outside years, dates and legal references', () => {
    const files = chapters();
    expect(files.length).toBeGreaterThan(0);
    const typed = files.flatMap((file) => typedFigures(readFileSync(file, 'utf8')).map((f) => `${file}:${f.line}: ${f.text}`));
    expect(typed).toEqual([]);
  });

  it('the rule finds a typed figure and lets years, dates, legal references and components pass', () => {
    const mdx = [
      '---',
      'title: Essai 2023',
      'summary: Pour 2023',
      '---',
      'En 2023, le 15 avril 2021, selon l’article L. 6111-6 et la loi n° 2018-771,',
      '<Value indicator="cep-entries-total" territory="28" /> entrées ; <Stat label="en 2023"><Data dataset="x" field="y" year={2023} /></Stat>',
      'soit 80,9 % des entrées, et [un lien](/normandie/2023/).',
      'Près de 4 000 personnes.',
    ].join('\n');
    expect(typedFigures(mdx)).toEqual([
      { line: 7, text: '80,9' },
      { line: 8, text: '4' },
    ]);
  });
});
