/**
 * The chapters, checked before the build: a figure typed in the prose (prose-numbers.ts), and
 * the bound components: a dataset, field, row, indicator or rule that does not exist is reported
 * at the chapter's file, line and column, in the words the component itself would use. Only literal props are checked here (`dataset="x"`, `year={2023}`);
 * the components check the rest when the site is built.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { selectRow } from '../components/select-row.ts';
import { getIndicator } from '../indicators/catalogue.ts';
import { checkSelectors } from '../indicators/select.ts';
import { findResource, type Catalog } from './catalog.ts';
import { discrepancyChoices, fieldChoices, keyFiguresChoices } from './choices.ts';
import { categoryLabel } from './categories.ts';
import { quote, type DataIssue } from './issues.ts';
import { contentDir, displayPath } from './paths.ts';
import { typedFigures } from './prose-numbers.ts';

const TAG = /<(Value|Data|DataTable|Chart|KeyFigure|Discrepancy|Category)\b((?:[^>"{]|"[^"]*"|\{[^}]*\})*?)\/?>/g;
const ATTRIBUTE = /(?<![\w-])([A-Za-z_][\w]*)=(?:"([^"]*)"|\{\s*(-?\d+(?:\.\d+)?)\s*\}|\{\s*'([^']*)'\s*\})/g;

/** content/reports/<slug>/<year>/v<N>/*.mdx, each with the edition it belongs to. */
function chapterFiles(root: string): { file: string; edition: string }[] {
  const reports = path.join(root, 'reports');
  if (!existsSync(reports)) return [];
  const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  return folders(reports).flatMap((slug) =>
    folders(path.join(reports, slug)).flatMap((year) =>
      folders(path.join(reports, slug, year)).flatMap((edition) =>
        readdirSync(path.join(reports, slug, year, edition))
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => ({ file: path.join(reports, slug, year, edition, f), edition: `${slug}/${year}/${edition}` })),
      ),
    ),
  );
}

export function checkChapters(catalog: Catalog, root = contentDir()): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const { file, edition } of chapterFiles(root)) {
    // Components inside MDX comments ({/* … */}, as in the skeletons of new-report) are not rendered: blanked, offsets kept.
    const text = readFileSync(file, 'utf8').replace(/\{\/\*[\s\S]*?\*\/\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
    const report = catalog.editions.find((r) => r.editionId === edition);
    const at = (index: number) => {
      const before = text.slice(0, index);
      return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
    };
    // A chapter's URL segment sits beside the edition's other pages: it must not take their names.
    const slug = path.basename(file, '.mdx').replace(/^\d+-/, '');
    if (slug === 'rapport-complet' || slug === 'editions' || /^v\d+$/.test(slug))
      issues.push({ file: displayPath(file), line: 1, column: 1, severity: 'error', message: `nom de chapitre réservé ${quote(slug)} : renommez le fichier (rapport-complet, editions et v1, v2… sont des pages du rapport)` });
    if (!report) {
      issues.push({ file: displayPath(file), line: 1, column: 1, severity: 'error', message: `chapitre d'une édition sans données : aucun dossier data/reports/${edition}/` });
      continue;
    }
    for (const figure of typedFigures(text))
      issues.push({
        file: displayPath(file),
        line: figure.line,
        column: figure.column,
        severity: 'error',
        message: `chiffre ${quote(figure.text)} tapé dans le texte : un chiffre du rapport s'écrit avec un composant lié aux données (<Value />, <Data />, <KeyFigure />, voir docs/COMPONENTS.md), pour que le texte et les tableaux ne puissent pas se contredire ; seuls les années, les dates et les références juridiques s'écrivent en chiffres ; un âge ou un seuil qui nomme une catégorie (« 45 ans ou plus ») s'écrit avec <Category dimension="age" code="45-plus" />`,
      });
    for (const tag of text.matchAll(TAG)) {
      const [, component, attributes] = tag;
      const props: Record<string, string | number> = {};
      for (const a of attributes!.matchAll(ATTRIBUTE)) props[a[1]!] = a[3] !== undefined ? Number(a[3]) : (a[2] ?? a[4])!;
      try {
        if ((component === 'Value' || component === 'Chart') && typeof props.indicator === 'string') {
          // Every other prop selects by a dimension of the indicator (the Chart's own options apart).
          const indicator = getIndicator(props.indicator);
          const { indicator: _id, by, chart: _chart, territories: _t, title: _title, ...selectors } = props;
          checkSelectors(indicator, selectors, `<${component} indicator="${indicator.id}">`);
          if (typeof by === 'string' && !indicator.dimensions.includes(by))
            throw new Error(`<Chart indicator="${indicator.id}"> : by=« ${by} » n'est pas une dimension de l'indicateur ; attendu ${indicator.dimensions.join(', ')}`);
        }
        if (typeof props.dataset === 'string') {
          const resource = findResource(report, props.dataset);
          if (component === 'Data' || component === 'KeyFigure') {
            // Every prop but the component's own options selects the row.
            const { dataset, field } = props;
            const where = Object.fromEntries(Object.entries(props).filter(([k]) => !['dataset', 'field', 'format', 'unit', 'qualifier'].includes(k)));
            if (component === 'KeyFigure' && resource.descriptor.cep?.kind !== 'key-figures')
              throw new Error(`<KeyFigure dataset="${dataset}">: le jeu de données n'est pas de type key-figures ; attendu un des ${keyFiguresChoices(report)}`);
            const literalOnly = !/\{\{|=\{[^-\d']/.test(attributes!);
            if (literalOnly) selectRow(component, report.id, resource, component === 'KeyFigure' ? { id: where.id } : where);
            if (component === 'Data' && typeof field === 'string' && !resource.descriptor.schema.fields.some((f) => f.name === field))
              throw new Error(`<Data dataset="${dataset}">: champ ${quote(field)} inconnu ; attendu un des ${fieldChoices(resource)}`);
          }
        }
        if (component === 'Category' && typeof props.dimension === 'string' && props.code !== undefined)
          categoryLabel(catalog, report, props.dimension, String(props.code));
        if (component === 'Discrepancy' && typeof props.rule === 'string' && !report.discrepancies.some((d) => d.rule === props.rule))
          throw new Error(`<Discrepancy rule="${props.rule}">: aucun écart connu de ce nom dans ${report.id} ; ${discrepancyChoices(report)}`);
      } catch (error) {
        issues.push({ file: displayPath(file), ...at(tag.index!), severity: 'error', message: (error as Error).message });
      }
    }
  }
  return issues;
}
