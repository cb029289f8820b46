/**
 * The valid choices that an editor's error message lists (docs/COMPONENTS.md): a wrong dataset,
 * field, row or rule in a chapter is fixed by picking from what exists, so the message says
 * what exists. Long lists are cut, the same way everywhere.
 */
import type { Report, Resource } from './catalog.ts';
import { quote } from './issues.ts';
import { displayPath } from './paths.ts';
import type { Cell, Row } from './table.ts';

/** Values listed before « … » (the rest is counted). */
export const MAX_CHOICES = 12;

/** « a, b, c », or past `max`: « a, b, …, l, … (30 en tout) ». */
export function choices(values: readonly string[], max = MAX_CHOICES): string {
  const unique = [...new Set(values)];
  if (unique.length === 0) return '(aucun)';
  return unique.length > max ? `${unique.slice(0, max).join(', ')}, … (${unique.length} en tout)` : unique.join(', ');
}

const cellText = (value: Cell | undefined) => (value === null || value === undefined ? '(vide)' : String(value));

/** The distinct values of a field in some rows, in file order. */
export function valuesOf(rows: readonly Row[], field: string): string[] {
  return [...new Set(rows.map((r) => cellText(r[field])))];
}

export function fieldNames(resource: Resource): string[] {
  return resource.descriptor.schema.fields.map((f) => f.name);
}

/** « champs du jeu de données : territory, year, … » (all of them: a schema is short). */
export function fieldChoices(resource: Resource): string {
  return `champs du jeu de données ${quote(resource.descriptor.name)} : ${choices(fieldNames(resource), Infinity)}`;
}

/** « jeux de données de l'édition x : a, b, … » (all of them). */
export function datasetChoices(report: Report): string {
  return `jeux de données de l'édition ${report.editionId} : ${choices([...report.resources.keys()], Infinity)}`;
}

/** For `<Discrepancy rule>`: the rules that record a known discrepancy, or why there is none. */
export function discrepancyChoices(report: Report): string {
  const rules = report.discrepancies.map((d) => d.rule);
  return rules.length > 0
    ? `écarts connus de l'édition ${report.editionId} : ${choices(rules, Infinity)}`
    : `l'édition ${report.editionId} n'a aucun écart connu (une règle de cep.rules avec "knownDiscrepancy", dans datapackage.json)`;
}

/**
 * For each selector of a row, the values the dataset has: `territory (« 53 » absent) : 28, FRM`,
 * with the CSV to open, so that the editor picks an existing one.
 */
export function selectorChoices(resource: Resource, where: Record<string, unknown>): string {
  const parts = Object.entries(where).map(([key, wanted]) => {
    const values = valuesOf(resource.table.rows, key);
    const absent = values.includes(String(wanted)) ? '' : ` (${quote(String(wanted))} absent)`;
    return `${key}${absent} : ${choices(values)}`;
  });
  return `valeurs présentes dans ${displayPath(resource.table.file)} : ${parts.join(' ; ')}`;
}

/**
 * Several rows match: the fields that tell them apart (the primary key's first, at most three),
 * each with the values of those rows.
 */
export function distinguishingChoices(resource: Resource, rows: readonly Row[], where: Record<string, unknown>): string {
  const key = resource.descriptor.schema.primaryKey ?? [];
  const ordered = [...key, ...fieldNames(resource).filter((f) => !key.includes(f))];
  const differing = ordered.filter((f) => !(f in where) && valuesOf(rows, f).length > 1).slice(0, 3);
  if (differing.length === 0) return `ces lignes sont identiques : retirez les doublons de ${displayPath(resource.table.file)}`;
  return `ajoutez un attribut qui les distingue : ${differing.map((f) => `${f} (${choices(valuesOf(rows, f))})`).join(', ou ')}`;
}

/** For `<KeyFigure dataset>` on a dataset of another kind: the edition's key-figures datasets. */
export function keyFiguresChoices(report: Report): string {
  const names = [...report.resources.values()].filter((r) => r.descriptor.cep?.kind === 'key-figures').map((r) => r.descriptor.name);
  return `jeux de données de type key-figures de l'édition ${report.editionId} : ${choices(names, Infinity)}`;
}
