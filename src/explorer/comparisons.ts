/**
 * Indicator comparisons, at build time: every indicator on the latest edition of every published
 * report, with the reports' own SQL (native DuckDB, the rows the report pages show), gathered by
 * the rows' own territory and year (a report often carries other regions' and France's figures).
 * Served as /donnees/indicateurs/<id>.json: the explorer shows them without loading DuckDB-WASM.
 */
import { categoryLabel } from '../data/categories.ts';
import type { Catalog, Report } from '../data/catalog.ts';
import { operatorName } from '../data/labels.ts';
import { indicatorRows, querySql } from '../engine/node.ts';
import { sameValue, type IndicatorDefinition, type IndicatorRow } from '../indicators/model.ts';
import { changeRefusal, comparisonAxes, hasValue, type ComparedRow, type ComparisonSource, type IndicatorComparison } from './comparison-model.ts';

/** The axes of a comparison: every other column of the indicator's rows is one of its dimensions. */
const AXES = ['territory', 'year'];

/** What the merge needs to know of a report. */
export interface SourceReport {
  id: string;
  region: string;
  year: number;
  edition: number;
}

/**
 * The order in which reports are believed for a row: the report of the row's territory first
 * (it publishes its own figures), then the most recent report (later figures may be revised),
 * then the latest edition, then the report's id (so that the order never depends on file order).
 */
function precedence(territory: string) {
  return (a: SourceReport, b: SourceReport) =>
    Number(b.region === territory) - Number(a.region === territory) || b.year - a.year || b.edition - a.edition || a.id.localeCompare(b.id);
}

export interface MergedRow {
  row: IndicatorRow;
  source: SourceReport;
  disagreements: { source: SourceReport; value: number }[];
}

/**
 * One row per (territory, year, other dimensions) across reports: the first report by
 * `precedence` that gives a value (else the first that gives the row), and every other report
 * whose value differs from it.
 */
export function mergeSources(indicator: Pick<IndicatorDefinition, 'dimensions'>, inputs: { source: SourceReport; rows: IndicatorRow[] }[]): MergedRow[] {
  const byKey = new Map<string, { row: IndicatorRow; source: SourceReport }[]>();
  for (const { source, rows } of inputs)
    for (const row of rows) {
      const key = JSON.stringify(indicator.dimensions.map((d) => row[d] ?? null));
      byKey.set(key, [...(byKey.get(key) ?? []), { row, source }]);
    }
  return [...byKey.values()].map((candidates) => {
    const ordered = candidates.toSorted((a, b) => precedence(String(a.row.territory))(a.source, b.source));
    const chosen = ordered.find((c) => c.row.value !== null) ?? ordered[0]!;
    const disagreements = ordered
      .filter((c) => c !== chosen && c.row.value !== null && !sameValue(c.row.value, chosen.row.value))
      .map((c) => ({ source: c.source, value: c.row.value! }));
    return { row: chosen.row, source: chosen.source, disagreements };
  });
}

/** How the change since the previous year reads: a relative variation for counts and indices, points for rates. */
function changeOf(indicator: IndicatorDefinition): IndicatorComparison['change'] {
  if (!indicator.dimensions.includes('year')) return undefined;
  if (indicator.unit === 'count' || indicator.unit === 'index') return { unit: 'variation', title: 'Évolution sur un an' };
  if (indicator.unit === 'percent') return { unit: 'points', title: 'Écart sur un an' };
  return undefined;
}

/**
 * The change since the previous year of the same series (territory and other dimensions), by
 * DuckDB: NULL where that year has no value, or (a variation) where it is 0, or across a series
 * break (changeRefusal).
 */
const CHANGE_SQL = `
SELECT t.k, t.y,
  CASE WHEN p.v IS NULL THEN NULL
       WHEN ?::VARCHAR = 'points' THEN t.v - p.v
       WHEN p.v = 0 THEN NULL
       ELSE 100 * (t.v / p.v - 1) END::DOUBLE AS change
FROM series t LEFT JOIN series p ON p.k = t.k AND p.y = t.y - 1`;

async function addChanges(indicator: IndicatorDefinition, rows: ComparedRow[], unit: 'variation' | 'points'): Promise<void> {
  const series = (r: ComparedRow) => JSON.stringify([r.territory, r.dimensions]);
  const valued = rows.filter(hasValue).filter((r) => r.year !== undefined);
  if (!valued.length) return;
  const values = valued.map(() => '(?::VARCHAR, ?::INTEGER, ?::DOUBLE)').join(', ');
  const out = await querySql(`WITH series(k, y, v) AS (VALUES ${values}) ${CHANGE_SQL}`, [...valued.flatMap((r) => [series(r), r.year!, r.value]), unit]);
  const found = new Map(out.map((o) => [`${String(o.k)}|${Number(o.y)}`, o.change as number | null]));
  for (const r of rows) {
    if (r.year === undefined) continue;
    const refused = changeRefusal(indicator, r);
    r.change = r.value === null || refused ? null : (found.get(`${series(r)}|${r.year}`) ?? null);
  }
}

/** Labels of the other dimensions, as the source report names them. */
function dimensionLabels(catalog: Catalog, report: Report, row: IndicatorRow, dimensions: string[]): Record<string, string> {
  const byCode = (list: string, code: string) => String(catalog.reference.get(list)?.table.rows.find((r) => String(r.code) === code)?.label ?? code);
  const label = (d: string, code: string) => {
    if (d === 'operator') return operatorName(catalog, report, code);
    if (d === 'population') return byCode('populations', code);
    if (d === 'dimension') return byCode('dimensions', code);
    if (d === 'category') return categoryLabel(catalog, report, String(row.dimension), code);
    return code;
  };
  return Object.fromEntries(dimensions.filter((d) => row[d] !== null && row[d] !== undefined).map((d) => [d, label(d, String(row[d]))]));
}

/** An indicator across the given reports (the latest edition of each published one). */
export async function indicatorComparison(catalog: Catalog, reports: Report[], indicator: IndicatorDefinition): Promise<IndicatorComparison> {
  const sourceOf = (r: Report): SourceReport => ({ id: r.id, region: r.region.code, year: r.year, edition: r.edition.number });
  const inputs = await Promise.all(reports.map(async (r) => ({ report: r, source: sourceOf(r), rows: await indicatorRows(r, indicator) })));
  const merged = mergeSources(indicator, inputs);
  const used = reports.filter((r) => merged.some((m) => m.source.id === r.id || m.disagreements.some((d) => d.source.id === r.id)));
  const sources: ComparisonSource[] = used.map((r) => ({ report: r.id, edition: r.edition.number, label: `${r.region.label} ${r.year}, v${r.edition.number}`, page: `/${r.editionId}/` }));
  const index = (s: SourceReport) => used.findIndex((r) => r.id === s.id);
  const others = indicator.dimensions.filter((d) => !AXES.includes(d));
  const territoryLabel = (code: string) => catalog.territories.get(code)?.label ?? code;
  const rows: ComparedRow[] = merged.map(({ row, source, disagreements }) => ({
    territory: String(row.territory),
    ...(indicator.dimensions.includes('year') ? { year: Number(row.year) } : {}),
    dimensions: Object.fromEntries(others.map((d) => [d, row[d] ?? null])),
    labels: dimensionLabels(catalog, inputs.find((i) => i.source === source)!.report, row, others),
    value: row.value,
    source: index(source),
    ...(disagreements.length ? { disagreements: disagreements.map((d) => ({ source: index(d.source), value: d.value })) } : {}),
  }));
  const change = changeOf(indicator);
  if (change) await addChanges(indicator, rows, change.unit);
  const { id, label, unit, decimals, dimensions, breaks, definitionVersion } = indicator;
  return {
    indicator: { id, label, unit, decimals, dimensions, breaks, definitionVersion },
    ...(change ? { change } : {}),
    sources,
    territories: Object.fromEntries([...new Set(rows.map((r) => r.territory))].map((t) => [t, territoryLabel(t)])),
    axes: comparisonAxes(rows, territoryLabel),
    rows,
  };
}
