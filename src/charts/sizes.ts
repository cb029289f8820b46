/**
 * Every chart is drawn twice, for a phone and for a wide column, and the page shows the one
 * that fits its container (src/styles/charts.css): text keeps its size instead of being
 * shrunk with the image. Shared by the server and the explorer, which draws in the browser.
 */
import type { plot as plotFunction, PlotOptions } from '@observablehq/plot';
import { decorate, type SvgAccessibility } from './accessibility.ts';

export interface ChartSize {
  name: 'narrow' | 'wide';
  /** Drawing width in CSS pixels, at most (drawnWidth), shown at that size (never enlarged, shrunk only below it). */
  width: number;
}

/** Text size of every chart, in CSS pixels. */
export const FONT_SIZE = 12;

/**
 * Narrow: 320 px keeps 12 px text at ≥ 11 px down to a 294 px container (a 360 px phone).
 * Wide: shown from a 600 px container (charts.css), where 640 px shrink to ≥ 11 px text.
 */
const CHART_SIZES: readonly ChartSize[] = [
  { name: 'narrow', width: 320 },
  { name: 'wide', width: 640 },
];

/** The wide size: the one a chart's files are drawn at. */
export const WIDE_SIZE = CHART_SIZES.find((s) => s.name === 'wide')!;

/** The width a chart is drawn at: its size's, or less when the chart asks (the tile map, whose tiles stop growing). */
export const drawnWidth = (options: PlotOptions, size: ChartSize) => Math.min(options.width ?? size.width, size.width);

/** The chart at each size, as SVG elements of `document`, named and described by the figure. */
export function drawSizes(
  plot: typeof plotFunction,
  document: Document,
  optionsFor: (size: ChartSize) => PlotOptions,
  a11y: SvgAccessibility,
): Element[] {
  return CHART_SIZES.map((size) => {
    const options = optionsFor(size);
    const svg = plot({ ...options, width: drawnWidth(options, size), document, figure: false });
    decorate(svg, a11y);
    svg.classList.add(`chart-${size.name}`);
    return svg;
  });
}
