/**
 * The routes of every chart of every edition: its files (…/v<N>/graphiques/<id>.svg|.png|.csv)
 * and its embed page (…/v<N>/graphiques/<id>/). Only the permanent address of an edition has
 * them: a file cited or embedded must not change when a new edition comes out.
 */
import type { APIRoute } from 'astro';
import { loadCatalog, type Catalog, type Report } from '../data/catalog.ts';
import { chartFile, type ChartFileKind } from './chart-files.ts';
import { chartHasValues } from './chart-input.ts';
import { editionCharts, type EditionChart } from './edition-charts.ts';

export interface ChartRouteProps {
  report: Report;
  chart: EditionChart;
}

/** The edition's charts that draw something: a territory of a switch with no value in the edition has no files. */
export async function drawnCharts(catalog: Catalog, report: Report): Promise<EditionChart[]> {
  const charts = editionCharts(report.editionId);
  const drawn = await Promise.all(charts.map((chart) => chartHasValues(catalog, report, chart.props)));
  return charts.filter((_, i) => drawn[i]);
}

/** A chart's routes in each edition (drawnCharts). */
export async function chartRoutes() {
  const catalog = loadCatalog();
  const perEdition = await Promise.all(
    catalog.editions.map(async (report) =>
      (await drawnCharts(catalog, report)).map((chart) => ({
        params: { region: report.region.slug, year: String(report.year), edition: `v${report.edition.number}`, chart: chart.id },
        props: { report, chart } satisfies ChartRouteProps,
      })),
    ),
  );
  return perEdition.flat();
}

/** The GET of one kind of chart file. */
export function chartFileRoute(kind: ChartFileKind): APIRoute {
  return async ({ props }) => {
    const { report, chart } = props as ChartRouteProps;
    const file = await chartFile(loadCatalog(), report, chart.id, chart.props, kind);
    return new Response(file.body, { headers: { 'Content-Type': file.type } });
  };
}
