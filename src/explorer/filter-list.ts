/**
 * A filter of the explorer as a list of checkboxes, each value with its number of rows
 * (« Normandie (12) »), in a fieldset whose legend names the field; a search field narrows a
 * long list, « Tout effacer » unchecks it. The same markup on the server and in the browser.
 */
import { formatPublished } from '../format/number.ts';
import type { FacetValue } from './controls.ts';
import { escapeHtml } from './render.ts';
import type { ViewField } from './views.ts';

/** Lists longer than this get a search field. */
export const SEARCHABLE_FROM = 9;

/** The facet query's rows (value, label, n) as the lists show them. */
export function facetValues(rows: Record<string, unknown>[]): FacetValue[] {
  return rows.map((r) => ({ value: String(r.value), label: String(r.label ?? r.value), count: Number(r.n) }));
}

/** Compared without case or accents: « pole » finds « Pôle emploi ». */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
export const labelMatches = (label: string, query: string) => folded(label).includes(folded(query.trim()));

function valueHtml(field: ViewField, v: FacetValue, checked: boolean): string {
  const lines = v.count > 1 ? 'lignes' : 'ligne';
  return `<li><label><input type="checkbox" data-control="filter" data-field="${escapeHtml(field.name)}" value="${escapeHtml(v.value)}"${checked ? ' checked' : ''} /> <span><span class="filter-label">${escapeHtml(v.label)}</span> <span class="filter-count">(${formatPublished(v.count)}<span class="visually-hidden"> ${lines}</span>)</span></span></label></li>`;
}

export function filterFieldsetHtml(field: ViewField, values: FacetValue[], chosen: Set<string>): string {
  const name = escapeHtml(field.name);
  const listId = `filtre-${name}`;
  const search =
    values.length >= SEARCHABLE_FROM
      ? `<label class="filter-search"><span class="visually-hidden">Chercher parmi les valeurs de « ${escapeHtml(field.title)} »</span><input type="search" data-control="filter-search" data-field="${name}" aria-controls="${listId}" placeholder="Chercher dans la liste" autocomplete="off" /></label>
<p class="filter-none" data-role="filter-none" hidden>Aucune valeur ne correspond.</p>`
      : '';
  return `<fieldset class="filter" data-filter="${name}"><legend>${escapeHtml(field.title)}</legend>${search}
<ul class="filter-values" id="${listId}">${values.map((v) => valueHtml(field, v, chosen.has(v.value))).join('')}</ul>
<button type="button" class="button button-quiet" data-control="clear-filter" data-field="${name}"${chosen.size ? '' : ' hidden'}>Tout effacer<span class="visually-hidden"> (${escapeHtml(field.title)})</span></button></fieldset>`;
}
