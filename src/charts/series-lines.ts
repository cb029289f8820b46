/**
 * An indicator's time series, one small panel per territory (national/series.ts): a line per
 * segment of the series (never drawn across a break), a dashed rule at each break, every value
 * written above its point. Each panel has its own vertical scale from zero: France's counts and a
 * region's would otherwise flatten the region; the written values carry the comparison.
 */
import * as Plot from '@observablehq/plot';
import { formatSigned, formatValue } from '../format/number.ts';
import type { Unit } from '../indicators/model.ts';
import type { IndicatorSeries, SeriesPoint } from '../national/series.ts';
import { palette } from './palette.ts';
import { FONT_SIZE, type ChartSize } from './sizes.ts';

/** A panel's plotting height, and the room above it for its title and the values. */
const PANEL = 56;
const GAP = 48;
const MARGIN_TOP = 40;
const MARGIN_BOTTOM = 26;
/** Past this many years a narrow drawing writes only each segment's first and last values. */
const NARROW_LABELLED_YEARS = 5;

interface Placed extends SeriesPoint {
  /** The value within its panel's scale: 0 is the panel's lower end (zero or its lowest value), 1 its upper end. */
  y: number;
  /** Where zero sits in its panel's scale. */
  zero: number;
  key: string;
  text: string;
  labelled: boolean;
  /** Written under the point (a dip between higher neighbours), else above it. */
  below: boolean;
}

/** A value as written beside its point: points without their word (the caption's unit says it). */
const pointText = (value: number, unit: Unit, decimals: number) => (unit === 'points' ? formatSigned(value, decimals) : formatValue(value, unit, decimals));

function placed(series: IndicatorSeries, unit: Unit, decimals: number, size: ChartSize): Placed[] {
  const sparse = size.name === 'narrow' && series.years.length > NARROW_LABELLED_YEARS;
  return series.territories.flatMap((t) => {
    const points = series.points.filter((p) => p.territory === t.code).sort((a, b) => a.year - b.year);
    if (!points.length) return [];
    const low = Math.min(0, ...points.map((p) => p.value));
    const high = Math.max(0, ...points.map((p) => p.value));
    const span = high - low || 1;
    return points.map((p, i) => {
      const ends = i === 0 || i === points.length - 1 || points[i - 1]!.segment !== p.segment || points[i + 1]!.segment !== p.segment;
      const y = (p.value - low) / span;
      const neighbours = [points[i - 1], points[i + 1]].filter((n) => n !== undefined).map((n) => (n.value - low) / span);
      const below = y > 0.3 && neighbours.length > 0 && y < Math.min(...neighbours);
      return { ...p, y, zero: -low / span, key: `${p.territory}|${p.segment}`, text: pointText(p.value, unit, decimals), labelled: !sparse || ends, below };
    });
  });
}

export function seriesLinesOptions(series: IndicatorSeries, unit: Unit, decimals: number, size: ChartSize): Plot.PlotOptions {
  const data = placed(series, unit, decimals, size);
  const labels = [...new Set(data.map((p) => p.label))];
  const zeros = labels.map((label) => data.find((p) => p.label === label)!);
  const [first, last] = [series.years[0]!, series.years.at(-1)!];
  // The rules run through every panel; their label sits in the last one, on the side with room.
  const middle = (first + last) / 2;
  const rules = series.breaks.map((b) => ({ x: b.year - 0.5, text: `rupture ${b.year}`, fy: labels.at(-1), anchor: b.year - 0.5 > middle ? 'end' : 'start' }));
  return {
    height: MARGIN_TOP + labels.length * PANEL + (labels.length - 1) * GAP + MARGIN_BOTTOM,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: 28,
    marginRight: 28,
    style: { fontSize: `${FONT_SIZE}px`, overflow: 'visible' },
    x: { domain: [first - 0.5, last + 0.5], ticks: series.years, tickFormat: (y: number) => String(y), label: null, tickSize: 0 },
    y: { domain: [0, 1], axis: null },
    fy: { domain: labels, axis: null, paddingInner: GAP / (PANEL + GAP), paddingOuter: 0 },
    marks: [
      // Each panel's zero, named: its scale starts there (or crosses it, for signed values).
      Plot.ruleY(zeros, { fy: 'label', y: 'zero', stroke: '#c9c9c9' }),
      Plot.text(zeros, { fy: 'label', y: 'zero', x: last + 0.5, text: () => '0', textAnchor: 'start', dx: 4, fill: palette.text, fontSize: FONT_SIZE }),
      Plot.ruleX(rules, { x: 'x', y1: 0, y2: 1, stroke: palette.rule, strokeDasharray: '4,3', strokeOpacity: 0.8 }),
      ...(['start', 'end'] as const).map((anchor) =>
        Plot.text(rules.filter((r) => r.anchor === anchor), { x: 'x', fy: 'fy', frameAnchor: 'bottom', dx: anchor === 'start' ? 4 : -4, dy: -4, text: 'text', textAnchor: anchor, fill: palette.text, fontSize: FONT_SIZE }),
      ),
      Plot.line(data, { x: 'year', y: 'y', z: 'key', fy: 'label', stroke: palette.bar, strokeWidth: 2 }),
      Plot.dot(data, { x: 'year', y: 'y', fy: 'label', fill: palette.bar, r: 3.5, title: (p: Placed) => `${p.label}, ${p.year} : ${p.text}` }),
      ...[false, true].map((below) =>
        Plot.text(data.filter((p) => p.labelled && p.below === below), { x: 'year', y: 'y', fy: 'label', text: 'text', dy: below ? 12 : -10, fill: palette.text, fontSize: FONT_SIZE }),
      ),
      Plot.text(labels, { fy: (l: string) => l, text: (l: string) => l, frameAnchor: 'top-left', dx: -24, dy: -34, fontWeight: 600, fill: palette.text, fontSize: FONT_SIZE }),
    ],
  };
}

/** The chart's text alternative: each territory's values year by year, and the breaks. */
export function describeSeries(series: IndicatorSeries, unit: Unit, decimals: number): string {
  const lines = series.territories
    .map((t) => series.points.filter((p) => p.territory === t.code).sort((a, b) => a.year - b.year))
    .filter((points) => points.length > 0)
    .map((points) => `${points[0]!.label} : ${points.map((p) => `${p.year} ${formatValue(p.value, unit, decimals)}`).join(', ')}`);
  const breaks = series.breaks.map((b) => `rupture de série en ${b.year}, les valeurs d’avant et d’après ne se comparent pas`);
  return `Évolution par année, un panneau par territoire. ${[...lines, ...breaks].join(' ; ')}.`;
}
