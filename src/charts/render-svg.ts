/**
 * Server-side rendering of a chart to SVG markup, at each of its sizes, with linkedom as the
 * DOM (much faster to load than jsdom, same output).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { SvgAccessibility } from './accessibility.ts';
import { drawSizes, type ChartSize } from './sizes.ts';

export function renderSvg(optionsFor: (size: ChartSize) => Plot.PlotOptions, a11y: SvgAccessibility): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  return drawSizes(Plot.plot, document as unknown as Document, optionsFor, a11y)
    .map((svg) => svg.outerHTML)
    .join('');
}
