/**
 * What the explorer offers: each dataset kind across all published reports (comparable
 * columns), and each dataset of each report. A view is a table with, beside every coded
 * column, its label (`<field>_label`), so that readers search and read labels, not codes.
 * Build-time only: the page embeds the views' descriptions, the site serves their CSV.
 */
import type { Catalog, Report, Resource } from '../data/catalog.ts';
import type { FieldType } from '../data/descriptors.ts';
import { kinds, type DatasetKind, type KindDefinition } from '../data/kinds.ts';
import { labellerFor } from '../data/labels.ts';
import type { Row } from '../data/table.ts';
import { href } from '../site/url.ts';

export interface ViewField {
  name: string;
  title: string;
  type: FieldType;
  /** facet: filter and group by it; measure: a figure; text: shown and searched. */
  role: 'facet' | 'measure' | 'text';
  /** The column holding this field's labels, when its cells are codes. */
  label?: string;
  /** A figure in percent: never summed. */
  percent?: boolean;
}

export interface ExplorerView {
  id: string;
  title: string;
  /** The DuckDB table (a plain identifier derived from the id). */
  table: string;
  csv: string;
  /** The report, for a report's dataset; absent for a view across reports. */
  report?: string;
  /** Its edition number, for a report's dataset (download names). */
  edition?: number;
  fields: ViewField[];
  notes: string[];
  sources: string[];
  /** What its figures add up to, from its kind's declaration; absent: never summed. */
  sums?: ViewSums;
}

/** A kind's additivity (data/kinds.ts) as the explorer applies it to a view. */
export interface ViewSums {
  measures: string[];
  over: string[];
  /** The kind's key: two rows with the same key in a sum count a figure twice. */
  key: string[];
  totals: Record<string, string[]>;
  /** Territories that contain others (every level but `region`): never added to another one. */
  wideTerritories: string[];
}

function sumsOf(catalog: Catalog, kind: DatasetKind | undefined): ViewSums | undefined {
  const definition: KindDefinition | undefined = kind ? kinds[kind] : undefined;
  if (!definition?.additivity) return undefined;
  const territories = catalog.reference.get('territories')!.table.rows;
  return {
    ...definition.additivity,
    key: definition.primaryKey,
    wideTerritories: territories.filter((t) => t.level !== 'region').map((t) => String(t.code)),
  };
}

const CODED = new Set(['territory', 'operator', 'population', 'dimension', 'category', 'report']);
const idToTable = (id: string) => `v_${id.replace(/[^a-z0-9]+/g, '_')}`;

function fieldsOf(resources: Resource[], withReport: boolean): ViewField[] {
  const schema = resources[0]!.descriptor.schema.fields;
  const distinct = (name: string) => new Set(resources.flatMap((r) => r.table.rows.map((row) => row[name]))).size;
  const fields: ViewField[] = withReport
    ? [
        { name: 'report', title: 'Rapport', type: 'string', role: 'facet', label: 'report_label' },
        { name: 'dataset', title: 'Tableau du rapport', type: 'string', role: 'facet', label: 'dataset_label' },
      ]
    : [];
  for (const f of schema) {
    const coded = CODED.has(f.name) || (f.categories?.length ?? 0) > 0 || (resources[0]!.descriptor.schema.foreignKeys ?? []).some((k) => k.fields.includes(f.name));
    const role = f.type === 'string' ? (coded || distinct(f.name) <= 30 ? 'facet' : 'text') : f.name === 'year' || f.name.endsWith('_year') ? 'facet' : 'measure';
    fields.push({
      name: f.name,
      title: f.title ?? f.name,
      type: f.type,
      role,
      ...(coded ? { label: `${f.name}_label` } : {}),
      ...(f.type === 'number' && /%/.test(f.title ?? '') ? { percent: true } : {}),
      ...(f.name === 'share' ? { percent: true } : {}),
    });
  }
  return fields;
}

function rowsOf(catalog: Catalog, report: Report, resource: Resource, fields: ViewField[]): Row[] {
  const label = labellerFor(catalog, report, resource);
  return resource.table.rows.map((row) => {
    const out: Row = {};
    for (const f of fields) {
      if (f.name === 'report') {
        out.report = report.id;
        out.report_label = `${report.region.label} ${report.year}`;
        continue;
      }
      if (f.name === 'dataset') {
        out.dataset = resource.descriptor.name;
        out.dataset_label = resource.descriptor.title;
        continue;
      }
      out[f.name] = row[f.name] ?? null;
      if (f.label) out[f.label] = row[f.name] === null ? null : label(f.name, row[f.name], row);
    }
    return out;
  });
}

export interface ViewData {
  view: ExplorerView;
  rows: Row[];
  /** Column names of the CSV, in order. */
  columns: string[];
}

/** Every view with its rows, for the reports that are published. */
export function explorerViews(catalog: Catalog, reports: Report[]): ViewData[] {
  const out: ViewData[] = [];
  const columnsOf = (fields: ViewField[]) => fields.flatMap((f) => (f.label ? [f.name, f.label] : [f.name]));
  for (const kind of Object.keys(kinds) as DatasetKind[]) {
    if (kind === 'free' || kind === 'categories') continue;
    const parts = reports.flatMap((report) => [...report.resources.values()].filter((r) => r.descriptor.cep?.kind === kind).map((resource) => ({ report, resource })));
    if (parts.length === 0) continue;
    const id = `tous--${kind}`;
    const fields = fieldsOf(parts.map((p) => p.resource), true);
    // A report may publish the same figure in two tables (text and annex): across reports, each
    // key of the kind counts once per report, from the first table that gives it.
    const key = kinds[kind].primaryKey;
    const seen = new Set<string>();
    const rows = parts.flatMap((p) =>
      rowsOf(catalog, p.report, p.resource, fields).filter((row) => {
        const k = JSON.stringify([p.report.id, ...key.map((f) => row[f])]);
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      }),
    );
    out.push({
      view: {
        id,
        title: `${kinds[kind].title} — tous les rapports`,
        table: idToTable(id),
        csv: href(`/donnees/explorateur/${id}.csv`),
        fields,
        notes: [...new Set(parts.flatMap((p) => p.resource.descriptor.cep?.notes ?? []))],
        sources: [...new Set(parts.flatMap((p) => (p.resource.descriptor.sources ?? []).map((s) => s.title)))],
        sums: sumsOf(catalog, kind),
      },
      rows,
      columns: columnsOf(fields),
    });
  }
  for (const report of reports)
    for (const resource of report.resources.values()) {
      if (resource.descriptor.cep?.kind === 'categories') continue;
      const id = `${report.id.replace('/', '-')}--${resource.descriptor.name}`;
      const fields = fieldsOf([resource], false);
      out.push({
        view: {
          id,
          title: `${resource.descriptor.title} (${report.region.label} ${report.year})`,
          table: idToTable(id),
          csv: href(`/donnees/explorateur/${id}.csv`),
          report: report.id,
          edition: report.edition.number,
          fields,
          notes: resource.descriptor.cep?.notes ?? [],
          sources: (resource.descriptor.sources ?? []).map((s) => s.title),
          sums: sumsOf(catalog, resource.descriptor.cep?.kind),
        },
        rows: rowsOf(catalog, report, resource, fields),
        columns: columnsOf(fields),
      });
    }
  return out;
}

/** The DuckDB types of a view's CSV columns (label columns are text). */
export function viewColumns(view: ExplorerView): { name: string; type: FieldType }[] {
  return view.fields.flatMap((f) => (f.label ? [{ name: f.name, type: f.type }, { name: f.label, type: 'string' as const }] : [{ name: f.name, type: f.type }]));
}
