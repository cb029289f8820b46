/**
 * The national pages' data (/france/<year>/, /indicateurs/<id>/): every territorial indicator
 * (gather.ts) run by native DuckDB on the latest edition of each report published as pages, the
 * rows the report pages show, gathered by year.
 */
import type { Catalog, Report } from '../data/catalog.ts';
import { indicatorRows } from '../engine/node.ts';
import { loadIndicators } from '../indicators/catalogue.ts';
import { gatherYear, isTerritorial, yearsOf, type IndicatorYear } from './gather.ts';

/** A map compares regions: an indicator gets one from two regions with a value in the year (France stands beside the map, not on it). */
const MAPPED_FROM = 2;

export interface NationalView {
  /** Per year with a value, oldest first: every territorial indicator with a value that year, in catalogue order. */
  years: { year: number; indicators: IndicatorYear[] }[];
  /** Per indicator mapped in at least one year: its years with a value, latest first. */
  indicators: { id: string; label: string; years: IndicatorYear[] }[];
}

export const isMapped = (y: IndicatorYear) => y.regions.filter((r) => r.values.length > 0).length >= MAPPED_FROM;

export async function nationalView(catalog: Catalog, reports: Report[]): Promise<NationalView> {
  const territories = [...catalog.territories.values()];
  const perIndicator = await Promise.all(
    loadIndicators()
      .indicators.filter(isTerritorial)
      .map(async (indicator) => {
        const inputs = await Promise.all(reports.map(async (report) => ({ report, rows: await indicatorRows(report, indicator) })));
        return { indicator, years: yearsOf(inputs).map((year) => gatherYear(indicator, year, inputs, territories)) };
      }),
  );
  const allYears = [...new Set(perIndicator.flatMap((p) => p.years.map((y) => y.year)))].sort((a, b) => a - b);
  return {
    years: allYears.map((year) => ({ year, indicators: perIndicator.flatMap((p) => p.years.filter((y) => y.year === year)) })),
    indicators: perIndicator
      .filter((p) => p.years.some(isMapped))
      .map((p) => ({ id: p.indicator.id, label: p.indicator.label, years: p.years.toReversed() })),
  };
}
