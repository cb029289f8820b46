/**
 * Server-side rendering of a chart to SVG markup, at each of its sizes, with linkedom as the
 * DOM (much faster to load than jsdom, same output).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { SvgAccessibility } from './accessibility.ts';
import { drawnWidth, drawSizes, type ChartSize } from './sizes.ts';

const newDocument = () => parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;

export function renderSvg(optionsFor: (size: ChartSize) => Plot.PlotOptions, a11y: SvgAccessibility): string {
  return drawSizes(Plot.plot, newDocument(), optionsFor, a11y)
    .map((svg) => svg.outerHTML)
    .join('');
}

/** Plot's SVG at one size, as drawSizes draws it, without the page's ARIA wiring (a chart's files). */
export function plotAt(options: Plot.PlotOptions, size: ChartSize): string {
  return Plot.plot({ ...options, width: drawnWidth(options, size), document: newDocument(), figure: false }).outerHTML;
}
