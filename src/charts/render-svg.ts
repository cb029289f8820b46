/**
 * Server-side rendering of a Plot chart to an SVG string, with linkedom as the DOM
 * (much faster to load than jsdom, same output).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { decorate, type SvgAccessibility } from './accessibility.ts';

export function renderSvg(options: Plot.PlotOptions, a11y: SvgAccessibility): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...options, document: document as unknown as Document, figure: false });
  decorate(svg, a11y);
  return svg.outerHTML;
}

