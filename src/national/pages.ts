/** Static paths of the national pages, from one national view per build (view.ts). */
import { reportsWithChapters } from '../components/chapters.ts';
import { loadCatalog } from '../data/catalog.ts';
import { tilesOf } from '../data/tiles.ts';
import { nationalView, type NationalView } from './view.ts';

let view: Promise<NationalView> | undefined;

/** The latest edition of each report published as pages: their provenance pages exist. */
export function builtNationalView(): Promise<NationalView> {
  const catalog = loadCatalog();
  return (view ??= reportsWithChapters(catalog.reports).then((reports) => nationalView(catalog, reports)));
}

export const regionTiles = () => tilesOf(loadCatalog().territories.values());

/** /france/<year>/: one page per year with a value. */
export async function yearPaths() {
  const { years } = await builtNationalView();
  return years.map((entry) => ({ params: { year: String(entry.year) }, props: { entry, years: years.map((y) => y.year) } }));
}

/** /indicateurs/<id>/: one page per indicator mapped in at least one year. */
export async function indicatorPaths() {
  const { indicators } = await builtNationalView();
  return indicators.map((entry) => ({ params: { indicator: entry.id }, props: { entry } }));
}
