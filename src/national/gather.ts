/**
 * The national view: for a year, every value of an indicator by territory that any published
 * report gives, each with the report and edition it comes from. A report often carries other
 * regions' and France's figures; when two reports give the same figure, both are kept with their
 * sources (the reader sees both, nothing is chosen silently), and a region no report gives is
 * listed as not available, never left out nor filled in.
 */
import type { Report, Territory } from '../data/catalog.ts';
import type { IndicatorDefinition, IndicatorRow } from '../indicators/model.ts';
import { indicatorFigureId } from '../provenance/figure-id.ts';
import { indicatorProvenanceUrl } from '../provenance/urls.ts';

/** What the gathering needs of a report edition. */
export type SourceEdition = Pick<Report, 'id' | 'editionId' | 'year'> & { edition: Pick<Report['edition'], 'number'>; region: Pick<Territory, 'code' | 'label'> };

export interface ValueSource {
  report: string;
  edition: number;
  /** The report's region and year, as readers name the report (« Normandie 2023 »). */
  reportLabel: string;
  /** Whether the report is the territory's own (else the figure is published in another region's report). */
  own: boolean;
  /** The figure on its provenance page in that edition (with the site's base path). */
  url: string;
}

/** « Normandie 2023 (édition 2) »: the report and edition a value comes from. */
export const reportEdition = (source: ValueSource) => `${source.reportLabel} (édition ${source.edition})`;

/** « Rapport Normandie 2023 (édition 2) », or « Publié dans le rapport … » when the report is another region's; lower-case in a sentence. */
export function sourceText(source: ValueSource, inSentence = false): string {
  const where = source.own ? 'rapport' : 'publié dans le rapport';
  return `${inSentence ? where : where.charAt(0).toUpperCase() + where.slice(1)} ${reportEdition(source)}`;
}

export interface SourcedValue {
  value: number;
  source: ValueSource;
}

export interface TerritoryValues {
  code: string;
  label: string;
  /** « dans les Hauts-de-France »: the label as a sentence places it (territories.csv, in_label). */
  inLabel: string;
  /** Every report's value, in the reports' order; empty: « non disponible ». */
  values: SourcedValue[];
}

/** One value of an indicator's other dimension (a series, an operator): its rows make one map. */
export interface Variant {
  dimension: string;
  code: string;
  label: string;
}

export interface IndicatorYear {
  /** `id` and `label` name the map (the variant's, when there is one); `catalogueId` is the indicator of data/indicators. */
  indicator: Pick<IndicatorDefinition, 'id' | 'label' | 'unit' | 'decimals' | 'definition'> & { catalogueId: string; variant?: Variant };
  year: number;
  /** Every region of the list, in label order, with or without values. */
  regions: TerritoryValues[];
  /** France entière and France métropolitaine, when a report gives them. */
  national: TerritoryValues[];
}

/**
 * What a map can show: one value per territory and year (null: no other dimension), or per
 * territory, year and value of one other dimension (its name: one map per value). Undefined
 * when the indicator has no territory and year, or more than one other dimension.
 */
export function variantDimension(indicator: Pick<IndicatorDefinition, 'dimensions'>): string | null | undefined {
  const others = indicator.dimensions.filter((d) => d !== 'territory' && d !== 'year');
  if (!indicator.dimensions.includes('territory') || !indicator.dimensions.includes('year') || others.length > 1) return undefined;
  return others[0] ?? null;
}

export const isTerritorial = (indicator: Pick<IndicatorDefinition, 'dimensions'>) => variantDimension(indicator) !== undefined;

/** A variant's page and anchors: the indicator's id, `--`, the variant's code (an id never holds `--`). */
export const variantId = (id: string, variant?: Pick<Variant, 'code'>) => (variant ? `${id}--${variant.code}` : id);

/** The years where any report gives a value of the indicator, oldest first. */
export function yearsOf(inputs: { rows: IndicatorRow[] }[]): number[] {
  const years = inputs.flatMap((i) => i.rows.filter((r) => r.value !== null).map((r) => Number(r.year)));
  return [...new Set(years)].sort((a, b) => a - b);
}

/** The territories with at least one value: France's rows first, then the regions. */
export const valuedTerritories = (y: IndicatorYear) => [...y.national, ...y.regions].filter((t) => t.values.length > 0);

/**
 * The indicator's values for a year across the given editions (the latest of each report),
 * for every territory of the list: regions (all of them) and national rows (when given).
 */
export function gatherYear(
  indicator: Pick<IndicatorDefinition, 'id' | 'label' | 'unit' | 'decimals' | 'definition' | 'dimensions'>,
  year: number,
  inputs: { report: SourceEdition; rows: IndicatorRow[] }[],
  territories: Territory[],
  variant?: Variant,
): IndicatorYear {
  const inVariant = (r: IndicatorRow) => !variant || String(r[variant.dimension]) === variant.code;
  const valuesOf = (code: string): SourcedValue[] =>
    inputs.flatMap(({ report, rows }) =>
      rows
        .filter((r) => String(r.territory) === code && Number(r.year) === year && r.value !== null && inVariant(r))
        .map((r) => ({
          value: r.value!,
          source: {
            report: report.id,
            edition: report.edition.number,
            reportLabel: `${report.region.label} ${report.year}`,
            own: report.region.code === code,
            url: indicatorProvenanceUrl(report, indicator.id, indicatorFigureId(indicator, r)),
          },
        })),
    );
  const entry = (t: Territory): TerritoryValues => ({ code: t.code, label: t.label, inLabel: t.in_label, values: valuesOf(t.code) });
  const byLabel = (a: Territory, b: Territory) => a.label.localeCompare(b.label, 'fr');
  const { id, label, unit, decimals, definition } = indicator;
  return {
    indicator: { id: variantId(id, variant), label: variant ? `${label} — ${variant.label}` : label, unit, decimals, definition, catalogueId: id, ...(variant ? { variant } : {}) },
    year,
    regions: territories.filter((t) => t.level === 'region').sort(byLabel).map(entry),
    national: territories
      .filter((t) => t.level === 'national')
      .map(entry)
      .filter((t) => t.values.length > 0),
  };
}
