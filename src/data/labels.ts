/**
 * Readers see labels, the data holds codes. This module turns the code of a cell into the label
 * of its nomenclature: through the field's foreign key, through the dimension of a profile row,
 * or, for operators, the name in force in the report's year (Pôle emploi in 2023) and, for the
 * regional operator, its holder in the region.
 */
import type { Catalog, Report, Resource } from './catalog.ts';
import type { Row } from './table.ts';

export type Labeller = (field: string, code: unknown, row?: Row) => string;

function byCode(resource: Resource | undefined): Map<string, string> {
  return new Map((resource?.table.rows ?? []).map((r) => [String(r.code), String(r.label ?? r.code)]));
}

/**
 * The name of an operator in force at the end of a report's year (Pôle emploi until 2023,
 * France Travail after), and for the regional operator, its holder in the report's region.
 */
export function operatorName(catalog: Catalog, report: Pick<Report, 'year' | 'region'>, code: string): string {
  if (code === 'operateur-regional') {
    const holder = regionalOperatorHolder(catalog.reference.get('regional_operators')?.table.rows ?? [], report.region.code, report.year);
    return holder ? String(holder.holder) : 'Opérateur régional';
  }
  const row = catalog.reference.get('operators')?.table.rows.find((r) => r.code === code && inForceAtEndOf(r, report.year));
  return row ? String(row.label) : code;
}

/** A row of a list dated by valid_from / valid_to, in force on 31 December of the year (either bound may be open). */
function inForceAtEndOf(row: Row, year: number): boolean {
  const end = `${year}-12-31`;
  return (row.valid_from === null || String(row.valid_from) <= end) && (row.valid_to === null || String(row.valid_to) >= end);
}

/** The row of regional_operators.csv naming the regional operator of a region in a year, if any. */
export function regionalOperatorHolder(rows: Row[], region: string, year: number): Row | undefined {
  return rows.find((r) => r.region === region && inForceAtEndOf(r, year));
}

export function labellerFor(catalog: Catalog, report: Report, resource: Resource): Labeller {
  const lists = new Map<string, Map<string, string>>();
  const list = (name: string) => {
    if (!lists.has(name)) lists.set(name, byCode(report.resources.get(name) ?? catalog.reference.get(name)));
    return lists.get(name)!;
  };
  const dimensionLists = new Map(
    (catalog.reference.get('dimensions')?.table.rows ?? []).filter((d) => d.list !== null).map((d) => [String(d.code), String(d.list)]),
  );
  const ownCategories = new Map<string, string>();
  for (const r of report.resources.values())
    if (r.descriptor.cep?.kind === 'categories') for (const row of r.table.rows) ownCategories.set(`${row.dimension}/${row.code}`, String(row.label));
  // Categorical fields (Table Schema v2) carry their own labels.
  const fieldCategories = new Map<string, Map<string, string>>();
  for (const f of resource.descriptor.schema.fields)
    for (const c of f.categories ?? [])
      if (typeof c === 'object' && c.label) fieldCategories.set(f.name, (fieldCategories.get(f.name) ?? new Map()).set(String(c.value), c.label));
  const foreignList = new Map<string, string>();
  for (const fk of resource.descriptor.schema.foreignKeys ?? []) if (fk.fields.length === 1) foreignList.set(fk.fields[0]!, fk.reference.resource);

  return (field, code, row) => {
    if (code === null || code === undefined || code === '') return '';
    const text = String(code);
    if (field === 'operator' || (field === 'category' && row?.dimension === 'operator')) return operatorName(catalog, report, text);
    if (field === 'territory') return catalog.territories.get(text)?.label ?? text;
    if (field === 'category' && row) {
      const dimension = String(row.dimension);
      const reference = dimensionLists.get(dimension);
      return (reference ? list(reference).get(text) : ownCategories.get(`${dimension}/${text}`)) ?? text;
    }
    if (field === 'dimension') return list('dimensions').get(text) ?? text;
    const own = fieldCategories.get(field)?.get(text);
    if (own) return own;
    const target = foreignList.get(field);
    return target ? (list(target).get(text) ?? text) : text;
  };
}
