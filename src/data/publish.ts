/**
 * What the site publishes for download and for DuckDB-WASM: each dataset as a normalised CSV
 * (UTF-8, comma, point decimal, empty cell for a missing value) written from the checked rows,
 * the same with labels beside codes (plain, or for French Excel), and one Data Package per
 * report that also carries the reference lists its keys point to.
 */
import { writeCsv } from '../engine/csv.ts';
import type { PackageDescriptor, ResourceDescriptor } from './descriptors.ts';
import type { Catalog, Report, Resource } from './catalog.ts';
import { labellerFor } from './labels.ts';

export function publishedCsv(resource: Resource): string {
  const columns = resource.descriptor.schema.fields.map((f) => f.name);
  return writeCsv(columns, resource.table.rows.map((row) => columns.map((c) => row[c])));
}

// The fields whose cells are codes of a nomenclature, as the explorer's views have them.
const CODED = new Set(['territory', 'operator', 'population', 'dimension', 'category']);

/** The fields of a dataset whose cells are codes: they get a label column beside them. */
export function codedFields(resource: Resource): string[] {
  const { fields, foreignKeys = [] } = resource.descriptor.schema;
  return fields
    .filter((f) => CODED.has(f.name) || (f.categories?.length ?? 0) > 0 || foreignKeys.some((k) => k.fields.includes(f.name)))
    .map((f) => f.name);
}

/**
 * A dataset with, right after each coded column, its `<field>_libelle` column (the header of the
 * explorer's downloads), labelled as the pages show them; `excel` writes it for French Excel.
 */
export function labelledCsv(catalog: Catalog, report: Report, resource: Resource, { excel = false } = {}): string {
  const coded = new Set(codedFields(resource));
  const label = labellerFor(catalog, report, resource);
  const fields = resource.descriptor.schema.fields.map((f) => f.name);
  const header = fields.flatMap((f) => (coded.has(f) ? [f, `${f}_libelle`] : [f]));
  const rows = resource.table.rows.map((row) =>
    fields.flatMap((f) => (coded.has(f) ? [row[f], row[f] === null ? null : label(f, row[f], row)] : [row[f]])),
  );
  return writeCsv(header, rows, { excel, crlf: true });
}

/**
 * The reference lists a report points to, in the order first met: those of its foreign keys,
 * and for beneficiary profiles, the list of dimensions and the nomenclature of each one used.
 */
export function referencedResources(catalog: Catalog, report: Report): Resource[] {
  const names = new Set<string>();
  for (const r of report.package.resources) {
    for (const fk of r.schema.foreignKeys ?? [])
      if (!report.resources.has(fk.reference.resource)) names.add(fk.reference.resource);
    if (r.cep?.kind !== 'beneficiary-profile') continue;
    const lists = new Map(catalog.reference.get('dimensions')!.table.rows.filter((d) => d.list !== null).map((d) => [d.code, String(d.list)]));
    const used = new Set(report.resources.get(r.name)?.table.rows.map((row) => row.dimension));
    names.add('dimensions');
    for (const dimension of used) if (lists.has(dimension)) names.add(lists.get(dimension)!);
  }
  return [...names].map((n) => catalog.reference.get(n)!);
}

/** All resources of a report's published package: its own datasets, then the reference lists. */
export function publishedResources(catalog: Catalog, report: Report): Resource[] {
  return [...report.resources.values(), ...referencedResources(catalog, report)];
}

export function publishedPackage(catalog: Catalog, report: Report): PackageDescriptor & Record<string, unknown> {
  const resource = ({ descriptor }: Resource): ResourceDescriptor => ({
    ...descriptor,
    path: `${descriptor.name}.csv`,
  });
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    ...report.package,
    // The edition: a released one never changes (see /<region>/<year>/editions/).
    version: String(report.edition.number),
    ...(report.edition.date ? { created: `${report.edition.date}T00:00:00Z` } : {}),
    resources: publishedResources(catalog, report).map(resource),
  };
}
