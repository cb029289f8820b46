/** Static paths of the provenance pages: one per dataset and per indicator, in every edition with chapter pages. */
import { copyPaths } from '../components/chapters.ts';
import { loadIndicators } from '../indicators/catalogue.ts';
import { figureFields } from './describe.ts';
import { datasetSlug, slugPart } from './figure-id.ts';
import { indicatorRows } from '../engine/node.ts';

/** The editions with chapter pages, with their route's params (as for their chapters). */
async function editions() {
  return (await copyPaths(false)).map(({ params, props }) => ({ params, report: props.copy.report }));
}

export async function datasetProvenancePaths() {
  return (await editions()).flatMap(({ params, report }) =>
    [...report.resources.values()]
      .filter((resource) => figureFields(resource).length > 0)
      .map((resource) => ({ params: { ...params, dataset: datasetSlug(resource.descriptor.name) }, props: { report, resource } })),
  );
}

/** An indicator has a page in an edition when it gives results there (its rows are computed once per process). */
export async function indicatorProvenancePaths() {
  const { indicators } = loadIndicators();
  const paths = await Promise.all(
    (await editions()).map(async ({ params, report }) => {
      const given = await Promise.all(indicators.map(async (i) => (await indicatorRows(report, i)).length > 0));
      return indicators.filter((_, n) => given[n]).map((indicator) => ({ params: { ...params, indicator: slugPart(indicator.id) }, props: { report, indicator } }));
    }),
  );
  return paths.flat();
}
