/**
 * The explorer's table controls in the browser: checkbox filters read into the state, the search
 * field that narrows a long list, « Tout effacer », the pager, and the controls shown only once
 * the script can make them work (without JavaScript the page offers the files, see <noscript>).
 */
import { labelMatches } from '../explorer/filter-list.ts';
import { pagerHtml, type Result } from '../explorer/render.ts';

const inFilter = (root: HTMLElement, field: string) => root.querySelector<HTMLElement>(`fieldset.filter[data-filter="${CSS.escape(field)}"]`);

/** The values checked in a filter's list. */
export function checkedValues(root: HTMLElement, field: string): string[] {
  return [...(inFilter(root, field)?.querySelectorAll<HTMLInputElement>('input[data-control="filter"]:checked') ?? [])].map((c) => c.value);
}

/** « Tout effacer » is offered only when the filter has something to clear. */
export function syncClearButton(root: HTMLElement, field: string): void {
  const button = inFilter(root, field)?.querySelector<HTMLButtonElement>('[data-control="clear-filter"]');
  if (button) button.hidden = checkedValues(root, field).length === 0;
}

/** Unchecks a filter's values; the focus goes back to its list (the button hides itself). */
export function clearFilter(root: HTMLElement, field: string): void {
  const fieldset = inFilter(root, field);
  if (!fieldset) return;
  for (const box of fieldset.querySelectorAll<HTMLInputElement>('input[data-control="filter"]')) box.checked = false;
  syncClearButton(root, field);
  fieldset.querySelector<HTMLInputElement>('input[data-control="filter-search"], input[data-control="filter"]')?.focus();
}

/** Shows the values whose label holds the searched text (checked ones stay in view). */
export function narrowList(search: HTMLInputElement): void {
  const fieldset = search.closest('fieldset')!;
  let shown = 0;
  for (const item of fieldset.querySelectorAll<HTMLLIElement>('.filter-values li')) {
    const box = item.querySelector('input')!;
    item.hidden = !box.checked && !labelMatches(item.querySelector('.filter-label')!.textContent ?? '', search.value);
    if (!item.hidden) shown++;
  }
  fieldset.querySelector<HTMLElement>('[data-role="filter-none"]')!.hidden = shown > 0;
}

/** The pager of a result, absent when it fits one page. */
export function showPager(nav: HTMLElement, result: Result | undefined): void {
  nav.innerHTML = result ? pagerHtml(result) : '';
  nav.hidden = nav.innerHTML === '';
}

/** The controls become visible (CSS hides them until then) and the prerendered sort buttons usable. */
export function revealControls(root: HTMLElement): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-role="result"] button.sort[disabled]')) button.disabled = false;
  root.dataset.live = '';
}
