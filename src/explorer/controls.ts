/**
 * The explorer's controls as HTML, from the state: the same markup prerendered by the server
 * and redrawn by the browser. Every text is escaped.
 */
import type { ExplorerView } from './views.ts';
import type { TableState } from './query.ts';
import { filterFieldsetHtml } from './filter-list.ts';
import { escapeHtml } from './render.ts';

export interface FacetValue {
  value: string;
  label: string;
  /** Rows of the view with this value. */
  count: number;
}

const option = (value: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;

export function tableControlsHtml(views: ExplorerView[], view: ExplorerView, state: TableState, facets: Record<string, FacetValue[]>): string {
  const viewSelect = `<label class="control">Jeu de données <select name="vue" data-control="view">${views
    .map((v) => option(v.id, v.title, v.id === view.id))
    .join('')}</select></label>`;
  const filters = view.fields
    .filter((f) => f.role === 'facet' && (facets[f.name]?.length ?? 0) > 1)
    .map((f) => filterFieldsetHtml(f, facets[f.name]!, new Set(state.filters[f.name] ?? [])))
    .join('');
  const groups = view.fields
    .filter((f) => f.role === 'facet')
    .map(
      (f) =>
        `<label class="check"><input type="checkbox" data-control="group" value="${escapeHtml(f.name)}"${state.group.includes(f.name) ? ' checked' : ''} /> ${escapeHtml(f.title)}</label>`,
    )
    .join('');
  return `${viewSelect}
<fieldset class="filters"><legend>Filtrer</legend>${filters ? `<p class="filters-hint">Cochez une ou plusieurs valeurs. Entre parenthèses : le nombre de lignes du jeu de données.</p><div class="filter-grid">${filters}</div>` : '<p>Aucun filtre pour ce jeu de données.</p>'}</fieldset>
<fieldset class="groups"><legend>Regrouper par</legend>${groups}</fieldset>
<label class="control">Rechercher dans les libellés <input type="search" data-control="search" value="${escapeHtml(state.search ?? '')}" /></label>`;
}
