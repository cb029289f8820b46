/**
 * An indicator across every published report, as /donnees/indicateurs/<id>.json holds it
 * (computed at build time by comparisons.ts) and as the explorer reads it: plain data, no engine.
 */
import { comparisonRefusal } from '../indicators/breaks.ts';
import type { IndicatorDefinition, Unit } from '../indicators/model.ts';

/** A report edition a value comes from. */
export interface ComparisonSource {
  report: string;
  edition: number;
  /** « Normandie 2023, v3 ». */
  label: string;
  /** The edition's permanent pages, without the site's base path: « /normandie/2023/v3/ ». */
  page: string;
}

export interface ComparedRow {
  territory: string;
  /** Absent for indicators without a `year` dimension (variations between two given years). */
  year?: number;
  /** The other dimensions (operator, population, category…), as codes. */
  dimensions: Record<string, string | number | null>;
  /** Their labels, as the source report names them (Pôle emploi in 2023). */
  labels: Record<string, string>;
  value: number | null;
  /** Change since the previous year of the same territory and dimensions, where that year has a value. */
  change?: number | null;
  /** Index in `sources`. */
  source: number;
  /** Other reports giving a different value for the same row (the shown one is chosen by the rule). */
  disagreements?: { source: number; value: number }[];
}

export interface IndicatorComparison {
  /** With its series breaks and definition version: the explorer asks indicators/breaks.ts before comparing two years. */
  indicator: { id: string; label: string; unit: Unit; decimals: number } & Pick<IndicatorDefinition, 'dimensions' | 'breaks' | 'definitionVersion'>;
  /** How the year-on-year change reads, for indicators that have one. */
  change?: { unit: 'variation' | 'points'; title: string };
  sources: ComparisonSource[];
  /** Code → label of every territory with a row. */
  territories: Record<string, string>;
  axes: {
    /** Years where at least two territories have a value, oldest first. */
    years: number[];
    /** Territories with a value for at least two years, in label order. */
    territories: string[];
    /** For an indicator without a `year` dimension: whether ≥ 2 territories have a value, compared over all its rows. */
    territoriesOverall: boolean;
  };
  rows: ComparedRow[];
}

export const hasValue = (r: ComparedRow): r is ComparedRow & { value: number } => r.value !== null;

/** Why the change since the previous year of this row is not computed (a series break between the two years), if it is not. */
export const changeRefusal = (indicator: IndicatorComparison['indicator'], r: ComparedRow) =>
  r.year === undefined ? undefined : comparisonRefusal(indicator, { territory: r.territory, ...r.dimensions }, r.year - 1, r.year);

/** Years where ≥ 2 territories have a value; territories with a value for ≥ 2 years. */
export function comparisonAxes(rows: ComparedRow[], territoryLabel: (code: string) => string): IndicatorComparison['axes'] {
  const territoriesByYear = new Map<number, Set<string>>();
  const yearsByTerritory = new Map<string, Set<number>>();
  const yearless = new Set<string>();
  for (const r of rows.filter(hasValue)) {
    if (r.year === undefined) {
      yearless.add(r.territory);
      continue;
    }
    territoriesByYear.set(r.year, (territoriesByYear.get(r.year) ?? new Set()).add(r.territory));
    yearsByTerritory.set(r.territory, (yearsByTerritory.get(r.territory) ?? new Set()).add(r.year));
  }
  return {
    years: [...territoriesByYear].filter(([, t]) => t.size >= 2).map(([y]) => y).sort((a, b) => a - b),
    territories: [...yearsByTerritory]
      .filter(([, y]) => y.size >= 2)
      .map(([t]) => t)
      .sort((a, b) => territoryLabel(a).localeCompare(territoryLabel(b), 'fr')),
    territoriesOverall: yearless.size >= 2,
  };
}
