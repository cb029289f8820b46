/**
 * Names of the explorer's downloads, saying what the file holds: the report, its edition and the
 * dataset (`normandie-2023-v2-cep-entries.csv`, the dataset's own name in the report's data
 * package), or the kind across reports (`tous-les-rapports-cep-entries-by-operator.csv`); then
 * the filters (their values when short, else `-filtre`), the grouping (`-par-operateur`), and
 * `-excel` for the variant for French Excel. ASCII only: every system and mail client keeps it.
 */
import type { ExplorerState, TableState } from './query.ts';
import type { ExplorerView } from './views.ts';

/** Filter values longer than this, once joined, are summed up as `-filtre`. */
const MAX_FILTER_PART = 32;

/** « Pôle emploi / Cap emploi » → `pole-emploi-cap-emploi`. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The name of a view's whole data, without extension. */
export function viewFileName(view: Pick<ExplorerView, 'id' | 'report' | 'edition'>): string {
  const dataset = asciiSlug(view.id.split('--')[1] ?? view.id);
  if (!view.report) return `tous-les-rapports-${dataset}`;
  return `${asciiSlug(view.report)}${view.edition ? `-v${view.edition}` : ''}-${dataset}`;
}

function tableSuffix(state: TableState, view: ExplorerView): string {
  const chosen = Object.entries(state.filters).filter(([, values]) => values.length > 0);
  const values = [...chosen.flatMap(([, v]) => v), ...(state.search ? [state.search] : [])].map(asciiSlug);
  const filters = values.join('-');
  const filterPart = !values.length ? '' : filters.length > MAX_FILTER_PART || values.some((v) => v === '') ? '-filtre' : `-${filters}`;
  const titles = state.group.map((g) => asciiSlug(view.fields.find((f) => f.name === g)?.title ?? g));
  return `${filterPart}${titles.length ? `-par-${titles.join('-')}` : ''}`;
}

/** The file name of a download of the explorer's current result. */
export function downloadName(state: ExplorerState, view: ExplorerView | undefined, excel: boolean): string {
  const base =
    state.mode === 'indicator'
      ? `indicateur-${asciiSlug(state.indicator)}-${state.compare === 'regions' ? `regions-${asciiSlug(state.at)}` : `region-${asciiSlug(state.at)}-par-annee`}`
      : `${viewFileName(view!)}${tableSuffix(state, view!)}`;
  return `${base}${excel ? '-excel' : ''}.csv`;
}
