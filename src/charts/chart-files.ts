/**
 * A chart's downloads, written at build time: the framed SVG (frame.ts), the same as a PNG drawn
 * by resvg with the system's fonts at twice the size (sharp on high-density screens), and its data
 * as CSV. Each edition's set sits at /<region>/<year>/v<N>/graphiques/<id>.svg|.png|.csv.
 */
import { Resvg } from '@resvg/resvg-js';
import type { Catalog, Report } from '../data/catalog.ts';
import { chartCitation } from './chart-citation.ts';
import type { ChartProps } from './chart-id.ts';
import { chartModel } from './chart-model.ts';
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

const cache = new Map<string, Promise<{ csv: string; svg: string }>>();

/** A chart's CSV and framed SVG, computed once per edition and chart id (its three files share them). */
function chartFiles(catalog: Catalog, report: Report, id: string, props: ChartProps): Promise<{ csv: string; svg: string }> {
  const key = `${report.editionId}/${id}`;
  if (!cache.has(key)) cache.set(key, chartModel(catalog, report, props).then((model) => ({ csv: model.csv, svg: framedSvg(model.plotSvg, { ...model, citation: chartCitation(report) }) })));
  return cache.get(key)!;
}

export async function chartFile(catalog: Catalog, report: Report, id: string, props: ChartProps, kind: ChartFileKind): Promise<{ body: string | Uint8Array<ArrayBuffer>; type: string }> {
  const { csv, svg } = await chartFiles(catalog, report, id, props);
  if (kind === 'csv') return { body: csv, type: 'text/csv; charset=utf-8' };
  return kind === 'svg' ? { body: svg, type: 'image/svg+xml' } : { body: pngOf(svg), type: 'image/png' };
}
