/** Static paths of the provenance pages: one per dataset and per indicator, in every edition of a report with pages. */
import { loadCatalog, type Report } from '../data/catalog.ts';
import { reportsWithChapters } from '../components/chapters.ts';
import { loadIndicators } from '../indicators/catalogue.ts';
import { figureFields } from './describe.ts';
import { datasetSlug, slugPart } from './figure-id.ts';
import { indicatorRows } from '../engine/node.ts';

async function editions(): Promise<Report[]> {
  const catalog = loadCatalog();
  const reports = new Set((await reportsWithChapters(catalog.reports)).map((r) => r.id));
  return catalog.editions.filter((e) => reports.has(e.id));
}

const params = (report: Report) => ({ region: report.region.slug, year: String(report.year), edition: `v${report.edition.number}` });

export async function datasetProvenancePaths() {
  return (await editions()).flatMap((report) =>
    [...report.resources.values()]
      .filter((resource) => figureFields(resource).length > 0)
      .map((resource) => ({ params: { ...params(report), dataset: datasetSlug(resource.descriptor.name) }, props: { report, resource } })),
  );
}

/** An indicator has a page in an edition when it gives results there (its rows are computed once per process). */
export async function indicatorProvenancePaths() {
  const { indicators } = loadIndicators();
  const paths = await Promise.all(
    (await editions()).map(async (report) => {
      const given = await Promise.all(indicators.map(async (i) => (await indicatorRows(report, i)).length > 0));
      return indicators.filter((_, n) => given[n]).map((indicator) => ({ params: { ...params(report), indicator: slugPart(indicator.id) }, props: { report, indicator } }));
    }),
  );
  return paths.flat();
}
