/**
 * The two layouts every chart is made of, sized from their texts: horizontal bars (categories,
 * optionally grouped in panels) and vertical bars (years). Margins come from the longest label
 * and value, long labels wrap, panels are titled on a row of their own: no text leaves the
 * drawing or covers another. Each bar carries its value as text and as a tooltip (`<title>`).
 */
import * as Plot from '@observablehq/plot';
import { decimalsOf, formatDecimal, NBSP } from '../format/number.ts';
import { palette } from './palette.ts';
import { FONT_SIZE, type ChartSize } from './sizes.ts';
import { widestLine, wrapText } from './text-metrics.ts';

export interface Bar {
  /** The category (or year) label. */
  label: string;
  /** The panel the bar belongs to, when the chart has several. */
  panel?: string;
  value: number | null;
  /** The value as written on the bar (« 35 % », « n.d. »). */
  text: string;
  /** The tooltip: what the bar is and its value. */
  title: string;
}

export interface BarsLayout {
  bars: Bar[];
  /** Labels in drawing order (top to bottom, or left to right). */
  labels: string[];
  /** Panels in drawing order; none or one: no panel titles. */
  panels?: string[];
  /** The value axis' extent; by default from the values, with 0. */
  domain?: [number, number];
  /** Tick labels of the value axis (« 50 % », « 1 200 »). */
  tick: (value: number) => string;
  size: ChartSize;
}

/** Tick labels in French, with the unit on each tick rather than an axis title that could collide. */
export function tickFormat(percent: boolean): (value: number) => string {
  return (value) => `${formatDecimal(value, decimalsOf(Number(value.toFixed(3))))}${percent ? `${NBSP}%` : ''}`;
}

const LINE_HEIGHT = 1.15;
const BAR_HEIGHT = 18;
const ROW_GAP = 8;
const GAP = 6;
const AXIS_HEIGHT = 30;

function valueDomain({ bars, domain }: BarsLayout, headroom: number): [number, number] {
  if (domain) return domain;
  const values = bars.flatMap((b) => (b.value === null ? [] : [b.value]));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  return [min * headroom, max * headroom || 1];
}

const tickCount = (length: number) => Math.max(2, Math.floor(length / 90));

/** The labels of the axis' ends, the widest it can show (Plot extends a domain to round ticks). */
function endTicks(domain: [number, number], tick: (v: number) => string): string[] {
  const nice = Plot.scale({ x: { domain, nice: true } }).domain as number[];
  return [...domain, ...nice].map(tick);
}

interface Row {
  /** Top of the row's label (label above the bar) or its middle (label beside it). */
  labelY: number;
  label: string;
  barTop: number;
}

/**
 * Where each row goes, in pixels from the top: rows are as tall as their label, so one long
 * label does not stretch them all. A panel's title stands on a line of its own above its rows.
 */
function stackRows(layout: BarsLayout, wrapped: Map<string, string>, titles: Map<string, string>, labelsAbove: boolean) {
  const lineHeight = FONT_SIZE * LINE_HEIGHT;
  const linesOf = (text: string) => text.split('\n').length;
  const rows = new Map<string, Row>();
  const panelTitles: { y: number; text: string }[] = [];
  let y = 8;
  for (const panel of layout.panels && layout.panels.length > 1 ? layout.panels : ['']) {
    const title = titles.get(panel);
    if (title) {
      panelTitles.push({ y, text: title });
      y += Math.ceil(linesOf(title) * lineHeight) + GAP;
    }
    for (const label of layout.labels) {
      const text = wrapped.get(label)!;
      // Whole pixels: shorter coordinates in the SVG, and crisp edges.
      const block = Math.ceil(linesOf(text) * lineHeight);
      const height = labelsAbove ? block + 2 + BAR_HEIGHT : Math.max(BAR_HEIGHT, block);
      const barTop = labelsAbove ? y + block + 2 : y + Math.round((height - BAR_HEIGHT) / 2);
      rows.set(`${panel}\u0001${label}`, { labelY: labelsAbove ? y : y + Math.round(height / 2), label: text, barTop });
      y += height + ROW_GAP;
    }
    y += GAP;
  }
  return { rows, panelTitles, bottom: y };
}

/**
 * Bars drawn from 0, one row per label, panels stacked with their title above. Labels stand
 * left of the bars, or above them when beside them they would need more than two lines.
 */
export function horizontalBars(layout: BarsLayout): Plot.PlotOptions {
  const { bars, labels, size, tick } = layout;
  const besideWidth = size.width * 0.4;
  const labelsAbove = labels.some((l) => wrapText(l, besideWidth, FONT_SIZE).length > 2);
  const wrapped = new Map(labels.map((l) => [l, wrapText(l, labelsAbove ? size.width - 4 : besideWidth, FONT_SIZE).join('\n')]));
  // Panel titles are bold, up to 13 % wider than the estimate (measured in Chromium).
  const titles = new Map((layout.panels ?? []).map((p) => [p, wrapText(p, (size.width - 4) / 1.15, FONT_SIZE).join('\n')]));
  const domain = valueDomain(layout, 1);
  const axisEnds = widestLine(endTicks(domain, tick), FONT_SIZE) / 2 + 2;
  const marginLeft = Math.ceil(labelsAbove ? axisEnds : widestLine([...wrapped.values()], FONT_SIZE) + 2 * GAP);
  const marginRight = Math.ceil(Math.max(widestLine(bars.map((b) => b.text), FONT_SIZE) + GAP + 2, axisEnds));
  const { rows, panelTitles, bottom } = stackRows(layout, wrapped, titles, labelsAbove);
  const placed = bars.map((b) => ({ ...b, ...rows.get(`${layout.panels && layout.panels.length > 1 ? (b.panel ?? '') : ''}\u0001${b.label}`)! }));
  const text = { fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT, fill: palette.text };
  const atLeft = { frameAnchor: 'left' as const, textAnchor: 'start' as const, lineAnchor: 'top' as const, dx: 2 - marginLeft };
  return {
    width: size.width,
    height: Math.ceil(bottom + AXIS_HEIGHT),
    marginLeft,
    marginRight,
    marginTop: 8,
    marginBottom: AXIS_HEIGHT,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { domain, nice: !layout.domain, label: null, ticks: tickCount(size.width - marginLeft - marginRight), tickFormat: tick },
    // Rows are placed in pixels (stackRows): y is the identity.
    y: { type: 'identity', axis: null },
    marks: [
      Plot.text([...rows.values()], {
        y: 'labelY',
        text: 'label',
        ...(labelsAbove ? atLeft : { frameAnchor: 'left', textAnchor: 'end', lineAnchor: 'middle', dx: -GAP }),
        ...text,
      }),
      Plot.text(panelTitles, { y: 'y', text: 'text', ...atLeft, fontWeight: 'bold', ...text }),
      Plot.rect(placed.filter((b) => b.value !== null), { x1: 0, x2: 'value', y1: 'barTop', y2: (b: Row) => b.barTop + BAR_HEIGHT, fill: palette.bar, title: 'title' }),
      // A missing value is said at the baseline (« n.d. »), not left as a silent gap.
      Plot.text(placed, { x: (b: Bar) => Math.max(0, b.value ?? 0), y: (b: Row) => b.barTop + BAR_HEIGHT / 2, text: 'text', textAnchor: 'start', dx: 4, ...text }),
      // The baseline, bar by bar: a line down the whole chart would cross the labels above the bars.
      Plot.ruleX(placed, { x: 0, y1: (b: Row) => b.barTop - 2, y2: (b: Row) => b.barTop + BAR_HEIGHT + 2, stroke: palette.rule }),
    ],
  };
}

/**
 * One column per label (years, left to right), the value above each column. When the values
 * would not fit above their columns, the bars are laid horizontally instead.
 */
export function verticalBars(layout: BarsLayout): Plot.PlotOptions {
  const { bars, labels, size, tick } = layout;
  if (layout.panels && layout.panels.length > 1) return horizontalBars(layout);
  const domain = valueDomain(layout, 1.2);
  const marginLeft = Math.ceil(widestLine(endTicks(domain, tick), FONT_SIZE)) + 2 * GAP;
  const step = (size.width - marginLeft - GAP) / Math.max(1, labels.length);
  const widest = widestLine([...bars.map((b) => b.text), ...labels], FONT_SIZE);
  if (widest > step * 0.9) return horizontalBars(layout);
  const text = { fontSize: FONT_SIZE, fill: palette.text };
  return {
    width: size.width,
    height: size.name === 'narrow' ? 240 : 280,
    marginLeft,
    marginRight: GAP,
    marginTop: 12,
    marginBottom: AXIS_HEIGHT,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { domain: labels, label: null, padding: 0.25 },
    y: { domain, nice: !layout.domain, label: null, ticks: 4, tickFormat: tick, grid: true },
    marks: [
      Plot.barY(bars.filter((b) => b.value !== null), { x: 'label', y: 'value', fill: palette.bar, title: 'title' }),
      Plot.text(bars.filter((b) => (b.value ?? 0) >= 0), { x: 'label', y: (b: Bar) => b.value ?? 0, text: 'text', dy: -GAP, lineAnchor: 'bottom', ...text }),
      Plot.text(bars.filter((b) => (b.value ?? 0) < 0), { x: 'label', y: 'value', text: 'text', dy: GAP, lineAnchor: 'top', ...text }),
      Plot.ruleY([0], { stroke: palette.rule }),
    ],
  };
}
