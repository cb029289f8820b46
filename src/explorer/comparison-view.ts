/**
 * What the explorer shows of an indicator comparison (comparison-model.ts) for a state of its
 * URL: the axis checked (at least two points, else a French explanation), the table's columns
 * and rows with labels at the indicator's precision, the bars of a chart where one bar per point
 * fits, and the notes. Pure functions, shared by the browser and the tests.
 */
import { formatValue } from '../format/number.ts';
import { breakNote, breaksOf } from '../indicators/breaks.ts';
import type { AppliedBreak } from '../indicators/model.ts';
import { changeRefusal, hasValue, type ComparedRow, type IndicatorComparison } from './comparison-model.ts';

/** What the change column says where a series break separates the year from the previous one. */
export const NOT_COMPARABLE = 'non comparable';
import type { Column, IndicatorState } from './query.ts';
import type { ResultRow } from './render.ts';

const DIMENSION_TITLES: Record<string, string> = {
  operator: 'Opérateur',
  population: 'Série',
  dimension: 'Caractéristique',
  category: 'Catégorie',
  from_year: 'Depuis',
  to_year: 'Jusqu’à',
  population_year: 'Année de population',
};

/** Which value is shown when several reports give one (explorer/comparisons.ts `precedence`). */
const DUPLICATE_RULE_TEXT = 'la valeur affichée est celle du rapport du territoire concerné, sinon celle du rapport le plus récent';

const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} et ${items.at(-1)}` : (items[0] ?? ''));

/** The dimensions besides the axes (operator, series…). */
const others = (c: IndicatorComparison) => c.indicator.dimensions.filter((d) => d !== 'territory' && d !== 'year');

/** The state to show: the asked one, or its axis filled in (a link naming only the indicator); else why not. */
export function resolveState(c: IndicatorComparison, s: IndicatorState): { state: IndicatorState } | { problem: string } {
  const label = `« ${c.indicator.label} »`;
  const yearly = c.indicator.dimensions.includes('year');
  const territory = (code: string) => c.territories[code] ?? code;
  const unknown = Object.keys(s.choices ?? {}).filter((d) => !others(c).includes(d));
  const titles = others(c).map((d) => (DIMENSION_TITLES[d] ?? d).toLowerCase());
  if (unknown.length) return { problem: `${label} ne se détaille pas par ${list(unknown)} : ${titles.length ? `il se détaille par ${list(titles)}` : 'il ne se détaille que par territoire et par année'}.` };
  const none = `Aucune comparaison n’est possible pour ${label} dans les rapports publiés : aucune année n’y a de valeur pour deux territoires, ni aucun territoire pour deux années.`;
  if (!yearly) {
    if (s.compare === 'years') return { problem: `${label} compare déjà deux années : il se compare entre territoires, pas d’une année à l’autre.` };
    return c.axes.territoriesOverall ? { state: { ...s, at: '' } } : { problem: `Un seul territoire a des valeurs pour ${label} dans les rapports publiés : rien à comparer.` };
  }
  const { years, territories } = c.axes;
  if (s.at === '') {
    if (s.compare === 'regions' && years.length) return { state: { ...s, at: String(years.at(-1)) } };
    if (s.compare === 'years' && territories.length) return { state: { ...s, at: territories[0]! } };
    if (years.length) return { state: { ...s, compare: 'regions', at: String(years.at(-1)) } };
    if (territories.length) return { state: { ...s, compare: 'years', at: territories[0]! } };
    return { problem: none };
  }
  if (s.compare === 'regions') {
    if (years.includes(Number(s.at))) return { state: s };
    const offered = years.length ? ` Années où la comparaison est possible : ${list(years.map(String))}.` : ' Aucune année ne s’y prête.';
    return { problem: `En ${s.at}, moins de deux territoires ont une valeur pour ${label} : rien à comparer.${offered}` };
  }
  if (territories.includes(s.at)) return { state: s };
  const offered = territories.length ? ` Territoires où la comparaison est possible : ${list(territories.map(territory))}.` : ' Aucun territoire ne s’y prête.';
  return { problem: `${territory(s.at)} n’a pas de valeur pour deux années de ${label} : rien à comparer.${offered}` };
}

/** The rows of the axis point a (resolved) state names, whatever its other choices. */
function axisRows(c: IndicatorComparison, s: IndicatorState): ComparedRow[] {
  if (!c.indicator.dimensions.includes('year')) return c.rows;
  return c.rows.filter((r) => (s.compare === 'regions' ? String(r.year) === s.at : r.territory === s.at));
}

const chosen = (r: ComparedRow, choices: Record<string, string>) => Object.entries(choices).every(([d, v]) => String(r.dimensions[d] ?? '') === v);

/** The rows of the comparison a (resolved) state shows. */
export function shownRows(c: IndicatorComparison, s: IndicatorState): ComparedRow[] {
  return axisRows(c, s).filter((r) => chosen(r, s.choices ?? {}));
}

/**
 * The other dimensions a reader may fix to one value (an operator, a series…): those with two
 * values or more among the rows of the axis point and the other choices.
 */
export function dimensionChoices(c: IndicatorComparison, s: IndicatorState): { dimension: string; title: string; values: [string, string][] }[] {
  return others(c).flatMap((d) => {
    const rest = Object.fromEntries(Object.entries(s.choices ?? {}).filter(([k]) => k !== d));
    const values = new Map(axisRows(c, s).filter((r) => chosen(r, rest) && r.dimensions[d] !== null).map((r) => [String(r.dimensions[d]), r.labels[d] ?? String(r.dimensions[d])]));
    return values.size >= 2 ? [{ dimension: d, title: DIMENSION_TITLES[d] ?? d, values: [...values].sort((a, b) => a[1].localeCompare(b[1], 'fr')) }] : [];
  });
}

export interface ComparisonResult {
  caption: string;
  columns: Column[];
  rows: ResultRow[];
  /** Labels of the other dimensions fixed by the reader (« France Travail »), for titles. */
  chosen: string[];
  /** One bar per territory (or year), when each has one value and there are two or more. */
  bars?: { by: 'territory' | 'year'; rows: { territory?: string; year?: number; value: number }[]; labels: Record<string, string> };
  /** The sources of the shown values and of the values they disagree with (indices in the comparison's `sources`). */
  sources: number[];
  /** Plain-text notes: disagreements between reports, the caution on sources across years. */
  notes: { label: string; text: string }[];
}

function sortRows(rows: ComparedRow[], c: IndicatorComparison, byYear: boolean): ComparedRow[] {
  const dims = (r: ComparedRow) => Object.keys(r.dimensions).map((d) => r.labels[d] ?? String(r.dimensions[d] ?? '')).join('\u0000');
  const territory = (r: ComparedRow) => c.territories[r.territory] ?? r.territory;
  return rows.toSorted(
    (a, b) => dims(a).localeCompare(dims(b), 'fr') || (byYear ? a.year! - b.year! : (b.value ?? -Infinity) - (a.value ?? -Infinity) || territory(a).localeCompare(territory(b), 'fr')),
  );
}

export function comparisonResult(c: IndicatorComparison, s: IndicatorState): ComparisonResult {
  const { indicator } = c;
  const byYear = s.compare === 'years' && indicator.dimensions.includes('year');
  const rows = sortRows(shownRows(c, s), c, byYear);
  const show = (v: number | null | undefined) => formatValue(v, indicator.unit, indicator.decimals);
  const dims = others(c);
  const fixed = s.choices ?? {};
  // « non comparable » where the previous year has a value but a break separates the two.
  const valued = new Set(rows.filter(hasValue).map((r) => `${r.year}|${JSON.stringify(r.dimensions)}`));
  const refused = (r: ComparedRow) => byYear && valued.has(`${r.year! - 1}|${JSON.stringify(r.dimensions)}`) && changeRefusal(indicator, r) !== undefined;
  const withChange = byYear && c.change && rows.some((r) => (r.change !== null && r.change !== undefined) || refused(r));
  const columns: Column[] = [
    byYear ? { name: 'year', title: 'Année', numeric: false, percent: false } : { name: 'territory', title: 'Territoire', label: 'territory_label', numeric: false, percent: false },
    ...dims.filter((d) => !(d in fixed) && rows.some((r) => r.dimensions[d] !== null)).map((d) => ({ name: d, title: DIMENSION_TITLES[d] ?? d, label: `${d}_label`, numeric: false, percent: false })),
    { name: 'value', title: 'Valeur', label: 'value_label', numeric: true, percent: false },
    ...(withChange ? [{ name: 'change', title: c.change!.title, label: 'change_label', numeric: true, percent: false }] : []),
    { name: 'source', title: 'Source', numeric: false, percent: false },
  ];
  const changeDigits = c.change?.unit === 'points' ? indicator.decimals : 1;
  const resultRows: ResultRow[] = rows.map((r) => ({
    territory: r.territory,
    territory_label: c.territories[r.territory] ?? r.territory,
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...Object.fromEntries(dims.flatMap((d) => [[d, r.dimensions[d] ?? null], [`${d}_label`, r.labels[d] ?? null]])),
    value: r.value,
    value_label: show(r.value),
    ...(withChange ? { change: r.change ?? null, change_label: refused(r) ? NOT_COMPARABLE : formatValue(r.change, c.change!.unit, changeDigits) } : {}),
    source: c.sources[r.source]!.label + (r.disagreements ? ` (autre valeur : ${r.disagreements.map((d) => `${c.sources[d.source]!.label}, ${show(d.value)}`).join(' ; ')})` : ''),
  }));
  const where = indicator.dimensions.includes('year') ? (byYear ? `${c.territories[s.at] ?? s.at}, par année` : `par territoire, ${s.at}`) : 'par territoire';
  const choiceLabels = Object.keys(fixed).map((d) => rows[0]?.labels[d] ?? fixed[d]!);
  const sources = [...new Set(rows.flatMap((r) => [r.source, ...(r.disagreements ?? []).map((d) => d.source)]))].sort((a, b) => a - b);
  return { caption: [indicator.label, where, ...choiceLabels].join(' — '), chosen: choiceLabels, columns, rows: resultRows, sources, bars: barsOf(c, rows, byYear), notes: notesOf(c, rows, byYear) };
}

function barsOf(c: IndicatorComparison, rows: ComparedRow[], byYear: boolean): ComparisonResult['bars'] {
  const points = rows.filter(hasValue);
  const key = (r: ComparedRow) => (byYear ? String(r.year) : r.territory);
  if (points.length < 2 || new Set(points.map(key)).size !== points.length) return undefined;
  return byYear
    ? { by: 'year', rows: points.map((r) => ({ year: r.year!, value: r.value })), labels: {} }
    : { by: 'territory', rows: points.map((r) => ({ territory: r.territory, value: r.value })), labels: c.territories };
}

/** The breaks that fall between two shown years of one series (same territory and other dimensions). */
function crossedBreaks(c: IndicatorComparison, rows: ComparedRow[]): AppliedBreak[] {
  const series = Map.groupBy(rows.filter(hasValue), (r) => JSON.stringify([r.territory, r.dimensions]));
  const found = new Map<string, AppliedBreak>();
  for (const group of series.values()) {
    const years = group.map((r) => r.year!).sort((a, b) => a - b);
    const dims = { territory: group[0]!.territory, ...group[0]!.dimensions };
    for (const b of breaksOf(c.indicator, dims)) if (years[0]! < b.year && b.year <= years.at(-1)!) found.set(b.id, b);
  }
  return [...found.values()].sort((a, b) => a.year - b.year);
}

function notesOf(c: IndicatorComparison, rows: ComparedRow[], byYear: boolean): ComparisonResult['notes'] {
  const notes: ComparisonResult['notes'] = [];
  // A series whose shown years straddle a break: its explanation, and why no change is computed there.
  if (byYear)
    for (const b of crossedBreaks(c, rows)) notes.push({ label: 'Rupture de série', text: breakNote(b) });
  if (rows.some((r) => r.disagreements))
    notes.push({ label: 'Valeurs différentes', text: `des rapports donnent des valeurs différentes pour une même ligne (indiquées dans la colonne Source) ; ${DUPLICATE_RULE_TEXT}.` });
  return notes;
}
