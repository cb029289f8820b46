/**
 * The variants a reader can choose on a chart of a report page, all computed at build time:
 * one value of a dimension each (the territory, for `<Chart … territories={[…]}>`), with its
 * rows and the context its caption, text alternative and Lecture sentence are written from.
 * The page shows the checked one with CSS alone (src/styles/chart-switch.css): no engine, no
 * script, and nothing to wait for.
 */
import type { ChartContext } from '../charts/spec.ts';
import type { Catalog, Report, Territory } from '../data/catalog.ts';
import type { IndicatorDefinition, IndicatorRow } from '../indicators/model.ts';
import { choices, selectRows, type Selection } from '../indicators/select.ts';

/** chart-switch.css has one rule per position of a variant, up to this many. */
export const MAX_VARIANTS = 8;

/** The legend of the switch, per dimension a chart lets the editor offer (a variant's label is its territory's). */
const LEGENDS: Record<string, string> = { territory: 'Territoire affiché' };

export interface ChartVariant {
  /** The code of the value shown (a territory code). */
  key: string;
  label: string;
  selection: Selection;
  rows: IndicatorRow[];
  ctx: ChartContext;
}

export interface VariantRequest {
  catalog: Catalog;
  report: Report;
  indicator: IndicatorDefinition;
  /** The dimension of the bars. */
  by: string;
  /** Every dimension but `by`, fixed (defaults applied). */
  fixed: Selection;
  /** The indicator's rows for the whole report. */
  all: IndicatorRow[];
  labels: Record<string, string>;
  /** The dimension the reader switches, and its values in the editor's order (the first is shown). */
  dimension: string;
  codes: string[];
  /** The component, as errors name it. */
  what: string;
}

function territoryOf(catalog: Catalog, code: string, what: string): Territory {
  const territory = catalog.territories.get(code);
  if (!territory) throw new Error(`${what} : territoire « ${code} » inconnu ; attendu un code de data/reference/territories.csv (${[...catalog.territories.keys()].join(', ')})`);
  return territory;
}

/** The rows of one value of the switched dimension (the fixed dimensions, and that value where the indicator has the dimension). */
export function variantRows({ indicator, by, fixed, all, dimension }: Pick<VariantRequest, 'indicator' | 'by' | 'fixed' | 'all' | 'dimension'>, key: string) {
  const selection = indicator.dimensions.includes(dimension) && dimension !== by ? { ...fixed, [dimension]: key } : fixed;
  return { selection, rows: selectRows(all, selection) };
}

/**
 * The variants of a chart, each checked to give one row per bar. The first (the editor's default)
 * must have values; a later one with none in this edition is not offered, and its label is listed
 * in `absent` for the page to say so.
 */
export function chartVariants(request: VariantRequest): { legend: string; variants: ChartVariant[]; absent: string[] } {
  const { catalog, report, indicator, by, all, labels, dimension, codes, what } = request;
  const legend = LEGENDS[dimension];
  if (!legend) throw new Error(`${what} : on ne peut pas proposer au lecteur de choisir la dimension « ${dimension} » ; attendu ${Object.keys(LEGENDS).join(', ')}`);
  if (codes.length > 1 && (!indicator.dimensions.includes(dimension) || dimension === by))
    throw new Error(`${what} : plusieurs territoires au choix, mais l'indicateur « ${indicator.id} » n'a pas de territoire à fixer (ses barres sont par ${by}) ; retirez l'attribut territories`);
  if (codes.length > MAX_VARIANTS) throw new Error(`${what} : ${codes.length} territoires au choix, au plus ${MAX_VARIANTS} ; gardez les plus utiles, le tableau « Voir les données » et l'explorateur donnent les autres`);
  const candidates = codes.map((key) => {
    const { selection, rows } = variantRows(request, key);
    if (new Set(rows.map((r) => String(r[by]))).size !== rows.length)
      throw new Error(`${what} : plusieurs valeurs par ${by} ; fixez les autres dimensions — ${choices(indicator, all, selection)}`);
    const place = territoryOf(catalog, String(selection.territory ?? report.region.code), what);
    const ctx: ChartContext = { year: Number(selection.year ?? report.year), territoryLabel: place.label, territoryIn: place.in_label, labels };
    return { key, label: territoryOf(catalog, key, what).label, selection, rows, ctx };
  });
  if (candidates[0]!.rows.length === 0) throw new Error(`${what} : aucune valeur dans ${report.editionId} ; valeurs possibles — ${choices(indicator, all, candidates[0]!.selection)}`);
  return { legend, variants: candidates.filter((v) => v.rows.length > 0), absent: candidates.filter((v) => v.rows.length === 0).map((v) => v.label) };
}
