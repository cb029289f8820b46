/**
 * The data explorer in the browser. The state lives in the URL (shareable, back and forward
 * work). A table state is answered at once over the view's rows, then by DuckDB-WASM once it
 * is loaded (table-answers.ts); indicator comparisons come computed by the build (explorer-indicators.ts).
 */
import { tableControlsHtml } from '../explorer/controls.ts';
import { changedIndicatorState, showIndicator, type IndicatorPanel } from './explorer-indicators.ts';
import { resultCsv } from '../explorer/download.ts';
import { downloadName } from '../explorer/file-names.ts';
import { checkedValues, clearFilter, narrowList, revealControls, showPager, syncClearButton } from './explorer-controls.ts';
import { InvalidState, PAGE_SIZE, parseState, stateToSearch, type Column, type ExplorerState, type TableState } from '../explorer/query.ts';
import { escapeHtml, pageText, resultHtml, type Result, type ResultRow } from '../explorer/render.ts';
import { totalsNote, withSumNotes } from '../explorer/sums.ts';
import type { ExplorerView } from '../explorer/views.ts';
import { formatPublished } from '../format/number.ts';
import { answer, facetValues, warmUp } from './table-answers.ts';

interface Boot {
  views: ExplorerView[];
  defaultView: string;
  indicators: { id: string; label: string }[];
}

import { href } from '../site/url.ts';

/** A chart of the result where one fits: one bar per line, drawn by Plot with the reports' specs. */
async function drawChart(target: HTMLElement, rows: { label: string; value: number | null }[], percent: boolean, title: string, current: () => boolean): Promise<void> {
  const data = rows.filter((r) => r.value !== null);
  if (data.length < 2 || data.length > 40) {
    target.innerHTML = '';
    return;
  }
  const [{ profileBars }, { drawSizes }, Plot] = await Promise.all([import('../charts/dataset-charts.ts'), import('../charts/sizes.ts'), import('../charts/browser-plot.ts')]);
  if (!current()) return;
  const labelled = data.map((r) => ({ category_label: r.label, value: r.value }));
  const options = { field: 'value', percent };
  target.innerHTML = `<figure class="chart"><figcaption id="explorer-chart-title">${escapeHtml(title)}</figcaption><div class="chart-svg"></div><p id="explorer-chart-alt" class="visually-hidden">${escapeHtml(profileBars.describe(labelled, options))}</p><div class="notes"><p data-role="lecture"><span class="notes-label">Lecture :</span> ${escapeHtml(profileBars.lecture(labelled, options))}</p></div></figure>`;
  const svgs = drawSizes(Plot.plot, document, (size) => profileBars.plot(labelled, options, size), { labelledBy: 'explorer-chart-title', describedBy: 'explorer-chart-alt' });
  target.querySelector('.chart-svg')!.append(...svgs);
}

export function startExplorer(root: HTMLElement): void {
  const boot = JSON.parse(document.getElementById('explorateur-etat')!.textContent!) as Boot;
  const part = (role: string) => root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  const status = part('status');
  let state: ExplorerState;
  let lastResult: { columns: Column[]; all: () => Promise<ResultRow[]> } | undefined;
  let run = 0;

  const view = (id: string) => boot.views.find((v) => v.id === id)!;
  /** The asked state (or its error) is on screen: the prerendered default may show again (first-paint.ts). */
  const shown = () => (root.dataset.shown = '');

  function showProblem(html: string): void {
    const error = part('error');
    error.hidden = false;
    error.innerHTML = `<p>${html} <a href="${href('/donnees/')}">Revenir à la vue par défaut</a>.</p>`;
    part('result').innerHTML = '';
    part('notes').innerHTML = ''; // the default view's notes would describe no result
    part('count').textContent = 'Aucune ligne';
    status.textContent = '';
    shown();
  }

  /** A URL the explorer refuses says why (our French message); any other failure (a file not
   * loaded, the engine's own error, in English) is logged for us and told plainly to the reader. */
  function showError(error: unknown): void {
    if (error instanceof InvalidState) return showProblem(`<strong>Ce lien d’exploration n’est pas valide</strong> (${escapeHtml(error.message)}).`);
    console.error(error);
    showProblem(
      "<strong>Les données n’ont pas pu être chargées ou calculées dans votre navigateur.</strong> Rechargez la page pour réessayer ; les tableaux restent consultables dans les pages des rapports.",
    );
  }

  async function showTable(s: TableState, mine: number, redrawControls: boolean): Promise<void> {
    const v = view(s.view);
    const [answered, f] = await Promise.all([answer(s, v), facetValues(v)]);
    if (mine !== run) return;
    // A filter, group or search the reader just set is already shown as such: no redraw, no lost focus.
    if (redrawControls || part('controls').dataset.view !== v.id) {
      part('controls').innerHTML = tableControlsHtml(boot.views, v, s, f);
      part('controls').dataset.view = v.id;
    }
    const result: Result = { columns: answered.columns, rows: answered.rows, totals: answered.totals, totalsNote: totalsNote(answered.plan, answered.totals, v), count: answered.count, page: s.page, pageSize: PAGE_SIZE, sort: s.sort };
    part('result').innerHTML = resultHtml(withSumNotes(result, answered.plan, v), v.title);
    part('count').textContent = pageText(result);
    part('notes').innerHTML = [...v.notes.map((n) => `<p><span class="notes-label">Note :</span> ${escapeHtml(n)}</p>`), `<p><span class="notes-label">Sources :</span> ${escapeHtml(v.sources.join(' ; '))}</p>`].join('');
    showPager(part('pager'), result);
    lastResult = { columns: answered.columns, all: answered.all };
    status.textContent = `Résultat calculé dans votre navigateur${answered.by === 'duckdb' ? ' par DuckDB-WASM' : ''} (${formatPublished(Math.max(1, Math.round(answered.ms)))} ms).`;
    shown();
    // The asked figures are on screen; the chart (Plot, loaded on first use) follows below them.
    root.dataset.result = 'table';
    const measure = answered.columns.find((c) => c.numeric && !c.percent && c.name !== 'lignes' && !s.group.includes(c.name));
    if (s.group.length === 1 && measure) {
      const g = answered.columns[0]!;
      const bars = answered.rows.map((r) => ({ label: String((g.label ? r[g.label] : r[g.name]) ?? ''), value: r[measure.name] as number | null }));
      await drawChart(part('chart'), bars, false, `${measure.title} par ${g.title.toLowerCase()}`, () => mine === run);
    } else part('chart').innerHTML = '';
    if (mine !== run) return;
    root.dataset.ready = 'table';
    // DuckDB-WASM (6 MB) loads once the asked result is shown: on two cores its compilation delayed it.
    warmUp(v);
  }

  const indicatorPanel = (mine: number): IndicatorPanel => ({
    root,
    part,
    current: () => mine === run,
    shown: (s) => {
      state = s;
      history.replaceState(null, '', `${href('/donnees/')}${stateToSearch(s, boot.defaultView)}`);
      showPager(part('pager'), undefined);
      shown();
    },
    downloadable: (columns, rows) => (lastResult = { columns, all: async () => rows }),
  });

  async function apply(next: ExplorerState, redrawControls = true): Promise<void> {
    state = next;
    const mine = ++run;
    delete root.dataset.ready;
    delete root.dataset.result;
    part('error').hidden = true;
    for (const a of root.querySelectorAll<HTMLAnchorElement>('[data-mode]')) a.toggleAttribute('aria-current', a.dataset.mode === next.mode);
    try {
      // Indicator comparisons are computed at build time: no engine for them.
      if (next.mode === 'indicator') return await showIndicator(indicatorPanel(mine), boot.indicators, next);
      return await showTable(next, mine, redrawControls);
    } catch (error) {
      if (mine === run) showError(error);
    }
  }

  function go(next: ExplorerState, fromControl = false): void {
    history.pushState(null, '', `${href('/donnees/')}${stateToSearch(next, boot.defaultView)}`);
    void apply(next, !fromControl);
  }

  function current(): ExplorerState {
    return parseState(location.search, boot.views, boot.indicators.map((i) => i.id), boot.defaultView);
  }

  root.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement & HTMLSelectElement;
    const control = target.dataset.control;
    if (state.mode === 'table') {
      const s = { ...state, filters: { ...state.filters }, page: 1 };
      if (control === 'view') return go({ mode: 'table', view: target.value, filters: {}, group: [], page: 1 });
      if (control === 'filter') {
        s.filters[target.dataset.field!] = checkedValues(root, target.dataset.field!);
        syncClearButton(root, target.dataset.field!);
      }
      if (control === 'group') s.group = [...root.querySelectorAll<HTMLInputElement>('[data-control="group"]:checked')].map((c) => c.value);
      if (control === 'group') s.sort = undefined;
      if (control === 'filter' || control === 'group') go(s, true);
      return;
    }
    void changedIndicatorState(target, state).then((next) => go(next), showError);
  });

  let typing: ReturnType<typeof setTimeout> | undefined;
  root.addEventListener('input', (event) => {
    const target = event.target as HTMLInputElement;
    if (target.dataset.control === 'filter-search') return narrowList(target);
    if (target.dataset.control !== 'search' || state.mode !== 'table') return;
    clearTimeout(typing);
    typing = setTimeout(() => go({ ...(state as TableState), search: target.value || undefined, page: 1 }, true), 300);
  });

  root.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('button, a[data-mode]');
    if (!target) return;
    if (target instanceof HTMLAnchorElement) {
      event.preventDefault();
      history.pushState(null, '', target.href);
      return void apply(current());
    }
    if (target.dataset.sort && state.mode === 'table') {
      const desc = state.sort?.field === target.dataset.sort ? !state.sort.desc : false;
      return go({ ...state, sort: { field: target.dataset.sort, desc }, page: 1 });
    }
    if (target.dataset.control === 'previous' && state.mode === 'table') return go({ ...state, page: state.page - 1 });
    if (target.dataset.control === 'next' && state.mode === 'table') return go({ ...state, page: state.page + 1 });
    if (target.dataset.control === 'clear-filter' && state.mode === 'table') {
      clearFilter(root, target.dataset.field!);
      return go({ ...state, filters: { ...state.filters, [target.dataset.field!]: [] }, page: 1 }, true);
    }
    if (target.dataset.control === 'download' && lastResult) void download(target.dataset.format === 'excel');
  });

  async function download(excel: boolean): Promise<void> {
    const rows = await lastResult!.all();
    const blob = new Blob([resultCsv(lastResult!.columns, rows, excel)], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = downloadName(state, state.mode === 'table' ? view(state.view) : undefined, excel);
    a.click();
    URL.revokeObjectURL(a.href);
  }

  window.addEventListener('popstate', () => {
    try {
      void apply(current());
    } catch (error) {
      showError(error);
    }
  });

  try {
    state = current();
  } catch (error) {
    if (error instanceof InvalidState) return showError(error);
    throw error;
  }
  revealControls(root);
  void apply(state);
}
