import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectData } from '../../src/data/catalog.ts';
import { checkChapters } from '../../src/data/chapters-check.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { displayPath } from '../../src/data/paths.ts';
import { typedFigures } from '../../src/data/prose-numbers.ts';
import { FIXTURE, fixtureRoots } from '../helpers/fixtures.ts';

function chapters(dir = 'content/reports'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? chapters(path.join(dir, e.name)) : e.name.endsWith('.mdx') ? [path.join(dir, e.name)] : [],
  );
}

describe('figures in the prose of chapters', () => {
  it('are all bound to the data, in every chapter of the site and of the fixtures: no digit typed outside years, dates and legal references', () => {
    const files = [...chapters(), ...chapters('test/fixtures/reports/content/reports')];
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
      'soit 80,9 % des entrées, et [un lien](/exemple/2023/).',
      'Près de 4 000 personnes.',
    ].join('\n');
    expect(typedFigures(mdx)).toEqual([
      { line: 7, column: 6, text: '80,9' },
      { line: 8, column: 9, text: '4' },
    ]);
  });

  it('npm run validate locates a typed figure in the chapter, and leaves comments alone', () => {
    const roots = fixtureRoots();
    const root = mkdtempSync(path.join(tmpdir(), 'cep-content-'));
    const dir = path.join(root, `reports/${FIXTURE.id}/v2`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, '99-essai.mdx');
    writeFileSync(file, ['---', 'title: Essai', 'summary: Essai', '---', '', 'Près de 4 000 personnes {/* et 12 autres */} en 2023.'].join('\n'));
    expect(checkChapters(inspectData(roots.data, roots.content).catalog!, root).map(formatIssue)).toEqual([
      `${displayPath(file)}:6:9: chiffre « 4 » tapé dans le texte : un chiffre du rapport s'écrit avec un composant lié aux données (<Value />, <Data />, <KeyFigure />, voir docs/COMPONENTS.md), pour que le texte et les tableaux ne puissent pas se contredire ; seuls les années, les dates et les références juridiques s'écrivent en chiffres ; un âge ou un seuil qui nomme une catégorie (« 45 ans ou plus ») s'écrit avec <Category dimension="age" code="45-plus" />`,
    ]);
  });
});
