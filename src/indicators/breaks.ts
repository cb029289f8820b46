/**
 * The comparability guard: series breaks (a source or a definition that changed in a year) and
 * definition versions. Two values of an indicator compare only within one series segment: no
 * variation is computed across a break, and every place that compares values (components,
 * explorer, national pages) asks here and says why in French. Pure: the browser uses it too.
 */
import type { AppliedBreak, IndicatorDefinition, IndicatorRow } from './model.ts';

type Guarded = Pick<IndicatorDefinition, 'breaks' | 'compares' | 'definitionVersion'>;
type Dimensions = Record<string, string | number | null | undefined>;

/** The indicator's breaks that concern these dimensions (a dimension not given matches). */
export function breaksOf(indicator: Pick<IndicatorDefinition, 'breaks'>, dims: Dimensions = {}): AppliedBreak[] {
  return indicator.breaks.filter((b) => Object.entries(b.where).every(([d, values]) => dims[d] === undefined || dims[d] === null || values.includes(String(dims[d]))));
}

/** The first break between two years (one of them before it, the other from it on), if any. */
export function breakBetween(indicator: Pick<IndicatorDefinition, 'breaks'>, dims: Dimensions, a: number, b: number): AppliedBreak | undefined {
  const [low, high] = a <= b ? [a, b] : [b, a];
  return breaksOf(indicator, dims)
    .filter((x) => low < x.year && x.year <= high)
    .sort((x, y) => x.year - y.year)[0];
}

/** The version of the definition a value of that year follows: the current one, less each definition change after it. */
export function definitionVersionAt(indicator: Guarded, dims: Dimensions, year: number): number {
  const later = new Set(breaksOf(indicator, dims).filter((b) => b.cause === 'definition' && b.year > year).map((b) => b.id));
  return indicator.definitionVersion - later.size;
}

/** The two years a variation row compares, when the indicator is a variation (`compares`). */
export function comparedYears(indicator: Pick<IndicatorDefinition, 'compares'>, row: Dimensions): [number, number] | undefined {
  const c = indicator.compares;
  if (!c || row[c.to] === undefined || row[c.to] === null) return undefined;
  const to = Number(row[c.to]);
  if ('yearsBefore' in c) return [to - c.yearsBefore, to];
  return row[c.from] === undefined || row[c.from] === null ? undefined : [Number(row[c.from]), to];
}

const causeText = { source: 'changement de source', definition: 'changement de définition' } as const;

/** « rupture de série en 2023 (changement de source : passage à AGORA) » */
export const breakTitle = (b: AppliedBreak) => `rupture de série en ${String(b.year)} (${causeText[b.cause]} : ${b.label})`;

/** A reader's note on a break: what it is, why, and what is not computed across it. */
export const breakNote = (b: AppliedBreak) =>
  `${capitalize(breakTitle(b))}. ${b.explanation} Aucune évolution n’est calculée d’un côté à l’autre de la rupture.`;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Why two years of a series do not compare: the break, then its explanation. */
export const refusalText = (b: AppliedBreak, a: number, c: number) =>
  `Comparaison refusée entre ${String(Math.min(a, c))} et ${String(Math.max(a, c))} : ${breakTitle(b)}. ${b.explanation}`;

/**
 * Why two values of the indicator (the same series, two years) may not be compared, or
 * undefined when they may: a break between their years, or different definition versions.
 */
export function comparisonRefusal(indicator: Guarded, dims: Dimensions, a: number, b: number): string | undefined {
  const crossed = breakBetween(indicator, dims, a, b);
  if (crossed) return refusalText(crossed, a, b);
  const [va, vb] = [definitionVersionAt(indicator, dims, a), definitionVersionAt(indicator, dims, b)];
  if (va !== vb) return `Comparaison refusée entre ${String(a)} et ${String(b)} : les valeurs suivent deux versions de la définition (v${va} et v${vb}).`;
  return undefined;
}

/** Why a variation row (or a selection of one) would compare across a break, if it would. */
export function variationRefusal(indicator: Guarded, row: Dimensions): string | undefined {
  const years = comparedYears(indicator, row);
  return years && comparisonRefusal(indicator, row, ...years);
}

/** The rows of a variation indicator that compare within one series: those across a break are not computed. */
export function guardRows<R extends IndicatorRow>(indicator: Guarded, rows: R[]): R[] {
  return indicator.compares && indicator.breaks.length ? rows.filter((r) => !variationRefusal(indicator, r)) : rows;
}
