/**
 * A chart's downloads, written at build time: the framed SVG (frame.ts), the same as a PNG drawn
 * by resvg with the system's fonts at twice the size (sharp on high-density screens), and its data
 * as CSV. Each edition's set sits at /<region>/<year>/v<N>/graphiques/<id>.svg|.png|.csv.
 */
import { Resvg } from '@resvg/resvg-js';
import type { Catalog, Report } from '../data/catalog.ts';
import { chartCitation } from './chart-citation.ts';
import type { ChartProps } from './chart-id.ts';
import { chartModel, type ChartModel } from './chart-model.ts';
import { framedSvg } from './frame.ts';

export type ChartFileKind = 'svg' | 'png' | 'csv';

/** PNG pixels per SVG pixel. */
const PNG_SCALE = 2;

export function pngOf(svg: string): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}

const models = new Map<string, Promise<ChartModel>>();
const svgs = new Map<string, Promise<string>>();

/** A promise computed once per edition and chart id (the three files of a chart share them). */
function once<T>(cache: Map<string, Promise<T>>, report: Report, id: string, make: () => Promise<T>): Promise<T> {
  const key = `${report.editionId}/${id}`;
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key)!;
}

const modelOf = (catalog: Catalog, report: Report, id: string, props: ChartProps) => once(models, report, id, () => chartModel(catalog, report, props));

/** The framed SVG of a chart (the SVG and the PNG both need it). */
function chartSvg(catalog: Catalog, report: Report, id: string, props: ChartProps): Promise<string> {
  return once(svgs, report, id, () => modelOf(catalog, report, id, props).then((model) => framedSvg(model.plotSvg, { ...model, citation: chartCitation(report) })));
}

export async function chartFile(catalog: Catalog, report: Report, id: string, props: ChartProps, kind: ChartFileKind): Promise<{ body: string | Uint8Array<ArrayBuffer>; type: string }> {
  if (kind === 'csv') return { body: (await modelOf(catalog, report, id, props)).csv, type: 'text/csv; charset=utf-8' };
  const svg = await chartSvg(catalog, report, id, props);
  return kind === 'svg' ? { body: svg, type: 'image/svg+xml' } : { body: pngOf(svg), type: 'image/png' };
}
