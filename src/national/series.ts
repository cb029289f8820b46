/**
 * An indicator's time series by territory, from the national view's years (gather.ts): every
 * territory with a value, every year, and the series breaks that fall inside the years shown.
 * A point belongs to a segment (the breaks before it): a line never joins two segments, and no
 * variation is read across a break (indicators/breaks.ts).
 */
import { breaksOf } from '../indicators/breaks.ts';
import type { AppliedBreak, IndicatorDefinition } from '../indicators/model.ts';
import type { IndicatorYear, SourcedValue } from './gather.ts';

export interface SeriesTerritory {
  code: string;
  label: string;
  /** France entière or métropolitaine: listed before the regions. */
  national: boolean;
  /** Year → every report's value (the table shows them all). */
  values: Map<number, SourcedValue[]>;
}

export interface SeriesPoint {
  territory: string;
  label: string;
  year: number;
  /** The territory's own report's value when there is one, else the first report's (the table shows the others). */
  value: number;
  /** How many breaks lie at or before the year: points of two segments are never joined. */
  segment: number;
}

export interface IndicatorSeries {
  /** Every year with a value, oldest first. */
  years: number[];
  /** France's rows first, then the regions with a value, each in label order. */
  territories: SeriesTerritory[];
  /** The points of the territories with two years or more. */
  points: SeriesPoint[];
  /** The breaks between the first and the last year shown, oldest first. */
  breaks: AppliedBreak[];
}

/** The value a chart draws for a territory and year: its own report's first, else the first given. */
const drawn = (values: SourcedValue[]) => (values.find((v) => v.source.own) ?? values[0])!.value;

/** The series, or undefined when no territory has two years (nothing to follow over time). */
export function indicatorSeries(indicator: Pick<IndicatorDefinition, 'breaks'>, years: IndicatorYear[]): IndicatorSeries | undefined {
  const ordered = years.toSorted((a, b) => a.year - b.year);
  const territories = new Map<string, SeriesTerritory>();
  for (const y of ordered)
    for (const t of [...y.national, ...y.regions].filter((x) => x.values.length > 0)) {
      const entry = territories.get(t.code) ?? { code: t.code, label: t.label, national: y.national.includes(t), values: new Map() };
      entry.values.set(y.year, t.values);
      territories.set(t.code, entry);
    }
  const listed = [...territories.values()].sort((a, b) => Number(b.national) - Number(a.national) || a.label.localeCompare(b.label, 'fr'));
  const followed = listed.filter((t) => t.values.size >= 2);
  if (!followed.length) return undefined;
  const shownYears = ordered.map((y) => y.year);
  const [first, last] = [shownYears[0]!, shownYears.at(-1)!];
  // The breaks of the variant's rows (a series, an operator) and of each territory.
  const variant = ordered[0]?.indicator.variant;
  const dims = (code: string) => ({ territory: code, ...(variant ? { [variant.dimension]: variant.code } : {}) });
  const segment = (code: string, year: number) => breaksOf(indicator, dims(code)).filter((b) => b.year <= year).length;
  const points = followed.flatMap((t) => [...t.values].map(([year, values]) => ({ territory: t.code, label: t.label, year, value: drawn(values), segment: segment(t.code, year) })));
  const breaks = indicator.breaks.filter((b) => first < b.year && b.year <= last && followed.some((t) => breaksOf(indicator, dims(t.code)).includes(b)));
  return { years: shownYears, territories: listed, points, breaks: [...new Map(breaks.map((b) => [b.id, b])).values()].sort((a, b) => a.year - b.year) };
}
