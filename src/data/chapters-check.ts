/**
 * The chapters, checked against the data before the build: a figure typed in the prose
 * (prose-numbers.ts), and every prop of the bound components that names a chart, dataset, field,
 * row, indicator, territory, rule or category (src/chapters/component-props.ts), reported at the
 * chapter's file, line and column in the words the component itself would use. The chapters'
 * sources were checked by inspectData (src/chapters/source-check.ts): they parse and their
 * props are literals.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkComponentProps } from '../chapters/component-props.ts';
import { COMPONENTS } from '../chapters/mdx-safety.ts';
import { isElement, literalProps, parseChapter, walk } from '../chapters/mdx-tree.ts';
import { chapterFiles } from '../chapters/source-check.ts';
import type { Catalog } from './catalog.ts';
import { quote, type DataIssue } from './issues.ts';
import { contentDir, displayPath } from './paths.ts';
import { typedFigures } from './prose-numbers.ts';

/** The pages and folders beside a chapter under /<region>/<year>/v<N>/ (src/pages/[region]/[year]/[edition]/). */
export const EDITION_PAGES = ['rapport-complet', 'graphiques', 'provenance', 'citation'] as const;
/** The same under /<region>/<year>/ (src/pages/[region]/[year]/), beside the editions v1, v2…. */
export const REPORT_PAGES = ['rapport-complet', 'editions'] as const;
const RESERVED = new Set<string>([...EDITION_PAGES, ...REPORT_PAGES]);

export function checkChapters(catalog: Catalog, root = contentDir()): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const { file, edition } of chapterFiles(root)) {
    const source = readFileSync(file, 'utf8');
    // Components inside MDX comments ({/* … */}, as in the skeletons of new-report) are not rendered: blanked, offsets kept.
    const text = source.replace(/\{\/\*[\s\S]*?\*\/\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
    const report = catalog.editions.find((r) => r.editionId === edition);
    const issue = (line: number, column: number, message: string) => issues.push({ file: displayPath(file), line, column, severity: 'error', message });
    // A chapter's URL segment sits beside the edition's other pages: it must not take their names.
    const slug = path.basename(file, '.mdx').replace(/^\d+-/, '');
    if (RESERVED.has(slug) || /^v\d+$/.test(slug))
      issue(1, 1, `nom de chapitre réservé ${quote(slug)} : renommez le fichier (${[...RESERVED].join(', ')} et v1, v2… sont des pages du rapport)`);
    if (!report) {
      issue(1, 1, `chapitre d'une édition sans données : aucun dossier data/reports/${edition}/`);
      continue;
    }
    for (const figure of typedFigures(text))
      issue(
        figure.line,
        figure.column,
        `chiffre ${quote(figure.text)} tapé dans le texte : un chiffre du rapport s'écrit avec un composant lié aux données (<Value />, <Data />, <KeyFigure />, voir docs/COMPONENTS.md), pour que le texte et les tableaux ne puissent pas se contredire ; seuls les années, les dates et les références juridiques s'écrivent en chiffres ; un âge ou un seuil qui nomme une catégorie (« 45 ans ou plus ») s'écrit avec <Category dimension="age" code="45-plus" />`,
      );
    const parsed = parseChapter(source);
    if (!('tree' in parsed)) continue;
    for (const node of walk(parsed.tree)) {
      if (!isElement(node) || !COMPONENTS.has(node.name ?? '')) continue;
      try {
        checkComponentProps(catalog, report, node.name!, literalProps(node));
      } catch (error) {
        issue(node.position?.start.line ?? 1, node.position?.start.column ?? 1, (error as Error).message);
      }
    }
  }
  return issues;
}
