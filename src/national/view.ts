/**
 * The national pages' data (/france/<year>/, /indicateurs/<id>/): every territorial indicator
 * (gather.ts) run by native DuckDB on the latest edition of each report published as pages, the
 * rows the report pages show, gathered by year; an indicator with one other dimension (a series,
 * an operator) gives one map per value of it (/indicateurs/<id>--<code>/).
 */
import type { Catalog, Report } from '../data/catalog.ts';
import { indicatorRows } from '../engine/node.ts';
import { operatorName } from '../data/labels.ts';
import { loadIndicators } from '../indicators/catalogue.ts';
import type { IndicatorDefinition, IndicatorRow } from '../indicators/model.ts';
import { gatherYear, isTerritorial, variantDimension, yearsOf, type IndicatorYear, type Variant } from './gather.ts';

/** A map compares regions: an indicator gets one from two regions with a value in the year (France stands beside the map, not on it). */
const MAPPED_FROM = 2;

export interface NationalView {
  /** Per year with a value, oldest first: every territorial indicator with a value that year, in catalogue order. */
  years: { year: number; indicators: IndicatorYear[] }[];
  /** Per indicator mapped in at least one year: its years with a value, latest first. */
  indicators: { id: string; label: string; years: IndicatorYear[] }[];
}

export const isMapped = (y: IndicatorYear) => y.regions.filter((r) => r.values.length > 0).length >= MAPPED_FROM;

/** The variants of an indicator in the reports' rows: none (one map), or one per value of its other dimension, in label order. */
function variantsOf(catalog: Catalog, indicator: IndicatorDefinition, rows: IndicatorRow[]): (Variant | undefined)[] {
  const dimension = variantDimension(indicator);
  if (!dimension) return [undefined];
  const valued = rows.filter((r) => r.value !== null && r[dimension] !== null);
  const latest = Math.max(...valued.map((r) => Number(r.year)));
  const codes = [...new Set(valued.map((r) => String(r[dimension])))];
  return codes.map((code) => ({ dimension, code, label: variantLabel(catalog, dimension, code, latest) })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

/** A series or an operator as the reference lists name it (the regional operator by its role: its holder differs by region). */
function variantLabel(catalog: Catalog, dimension: string, code: string, year: number): string {
  if (dimension === 'operator') return operatorName(catalog, { year, region: { code: '' } as Report['region'] }, code);
  const list = dimension === 'population' ? 'populations' : dimension;
  return String(catalog.reference.get(list)?.table.rows.find((r) => String(r.code) === code)?.label ?? code);
}

/** The same figures under another name (a generic series repeating an indicator of its own): what was listed first is kept. */
const fingerprint = (years: IndicatorYear[]) =>
  JSON.stringify(years.map((y) => [y.year, y.indicator.unit, [...y.national, ...y.regions].map((t) => [t.code, t.values.map((v) => [v.value, v.source.report, v.source.edition])])]));

export async function nationalView(catalog: Catalog, reports: Report[]): Promise<NationalView> {
  const territories = [...catalog.territories.values()];
  const gathered = await Promise.all(
    loadIndicators()
      .indicators.filter(isTerritorial)
      .map(async (indicator) => {
        const inputs = await Promise.all(reports.map(async (report) => ({ report, rows: await indicatorRows(report, indicator) })));
        return variantsOf(catalog, indicator, inputs.flatMap((i) => i.rows)).map((variant) => {
          const rows = inputs.map((i) => ({ ...i, rows: variant ? i.rows.filter((r) => String(r[variant.dimension]) === variant.code) : i.rows }));
          return { years: yearsOf(rows).map((year) => gatherYear(indicator, year, rows, territories, variant)) };
        });
      }),
  );
  const seen = new Set<string>();
  const perIndicator = gathered.flat().filter((p) => p.years.length > 0 && !seen.has(fingerprint(p.years)) && Boolean(seen.add(fingerprint(p.years))));
  const allYears = [...new Set(perIndicator.flatMap((p) => p.years.map((y) => y.year)))].sort((a, b) => a - b);
  return {
    years: allYears.map((year) => ({ year, indicators: perIndicator.flatMap((p) => p.years.filter((y) => y.year === year)) })),
    indicators: perIndicator
      .filter((p) => p.years.some(isMapped))
      .map((p) => ({ id: p.years[0]!.indicator.id, label: p.years[0]!.indicator.label, years: p.years.toReversed() })),
  };
}
