/**
 * The label of a category, for prose that names one (« 45 ans ou plus », « niveau 7 ou plus »)
 * without typing its digits: <Category dimension="age" code="45-plus" />. A dimension is one of
 * data/reference/dimensions.csv whose categories come from the list it names, or one the report
 * defines in its own `categories` dataset.
 */
import type { Catalog, Report } from './catalog.ts';
import { quote } from './issues.ts';

/** Every dimension the report can name, with its categories (code → label). */
function dimensionsOf(catalog: Catalog, report: Report): Map<string, Map<string, string>> {
  const found = new Map<string, Map<string, string>>();
  const add = (dimension: string, code: unknown, label: unknown) => {
    if (!found.has(dimension)) found.set(dimension, new Map());
    found.get(dimension)!.set(String(code), String(label ?? code));
  };
  for (const d of catalog.reference.get('dimensions')?.table.rows ?? [])
    if (d.list !== null) for (const row of catalog.reference.get(String(d.list))?.table.rows ?? []) add(String(d.code), row.code, row.label);
  for (const resource of report.resources.values())
    if (resource.descriptor.cep?.kind === 'categories') for (const row of resource.table.rows) add(String(row.dimension), row.code, row.label);
  return found;
}

/** The label, or an error naming the valid dimensions or codes. */
export function categoryLabel(catalog: Catalog, report: Report, dimension: string, code: string): string {
  const dimensions = dimensionsOf(catalog, report);
  const tag = `<Category dimension="${dimension}" code="${code}">`;
  const categories = dimensions.get(dimension);
  if (!categories)
    throw new Error(
      `${tag}: dimension ${quote(dimension)} inconnue dans ${report.id} : attendu ${[...dimensions.keys()].join(', ')} (data/reference/dimensions.csv et le jeu de données categories du rapport)`,
    );
  const label = categories.get(code);
  if (label === undefined)
    throw new Error(`${tag}: code ${quote(code)} inconnu pour la dimension ${quote(dimension)} : attendu ${[...categories].map(([c, l]) => `${c} (${l})`).join(', ')}`);
  return label;
}
