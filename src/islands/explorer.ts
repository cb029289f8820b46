/**
 * The data explorer in the browser. The state lives in the URL (shareable, back and forward
 * work); every change runs the allowlisted, parameter-bound SQL of explorer/query.ts in
 * DuckDB-WASM, and indicators with the very SQL of the reports (data/indicators, handed over by the page).
 */
import { indicatorControlsHtml, tableControlsHtml, type FacetValue, type ReportChoice } from '../explorer/controls.ts';
import { resultCsv } from '../explorer/download.ts';
import { downloadName } from '../explorer/file-names.ts';
import { facetValues } from '../explorer/filter-list.ts';
import { checkedValues, clearFilter, narrowList, revealControls, showPager, syncClearButton } from './explorer-controls.ts';
import { buildQueries, facetQuery, InvalidState, PAGE_SIZE, parseState, stateToSearch, type Column, type ExplorerState, type IndicatorState, type TableState } from '../explorer/query.ts';
import { escapeHtml, pageText, resultHtml, type Result, type ResultRow } from '../explorer/render.ts';
import { viewColumns, type ExplorerView } from '../explorer/views.ts';

interface Boot {
  views: ExplorerView[];
  defaultView: string;
  reports: ReportChoice[];
  indicators: Pick<import('../indicators/model.ts').IndicatorDefinition, 'id' | 'label' | 'unit' | 'decimals' | 'dimensions' | 'sql'>[];
  indicatorViews: import('../indicators/model.ts').SharedView[];
}

import { href } from '../site/url.ts';
type Engine = typeof import('../engine/browser.ts');

/** A chart of the result where one fits: one bar per line, drawn by Plot with the reports' specs. */
async function drawChart(target: HTMLElement, rows: { label: string; panel?: string; value: number | null }[], percent: boolean, title: string): Promise<void> {
  const data = rows.filter((r) => r.value !== null);
  if (data.length < 2 || data.length > 40) {
    target.innerHTML = '';
    return;
  }
  const [{ profileBars }, { drawSizes }, Plot] = await Promise.all([import('../charts/dataset-charts.ts'), import('../charts/sizes.ts'), import('@observablehq/plot')]);
  const labelled = data.map((r) => ({ category_label: r.label, ...(r.panel ? { territory: r.panel, territory_label: r.panel } : {}), value: r.value }));
  const options = { field: 'value', percent };
  target.innerHTML = `<figure class="chart"><figcaption id="explorer-chart-title">${escapeHtml(title)}</figcaption><div class="chart-svg"></div><p id="explorer-chart-alt" class="visually-hidden">${escapeHtml(profileBars.describe(labelled, options))}</p><div class="notes"><p data-role="lecture"><span class="notes-label">Lecture :</span> ${escapeHtml(profileBars.lecture(labelled, options))}</p></div></figure>`;
  const svgs = drawSizes(Plot.plot, document, (size) => profileBars.plot(labelled, options, size), { labelledBy: 'explorer-chart-title', describedBy: 'explorer-chart-alt' });
  target.querySelector('.chart-svg')!.append(...svgs);
}

export function startExplorer(root: HTMLElement): void {
  const boot = JSON.parse(root.dataset.state!) as Boot;
  const part = (role: string) => root.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  const status = part('status');
  const facetCache = new Map<string, Record<string, FacetValue[]>>();
  let state: ExplorerState;
  let lastResult: { columns: Column[]; all: () => Promise<ResultRow[]> } | undefined;
  let engine: Promise<Engine> | undefined;
  let run = 0;

  const loadEngine = () => (engine ??= import('../engine/browser.ts'));
  const view = (id: string) => boot.views.find((v) => v.id === id)!;

  function showProblem(html: string): void {
    const error = part('error');
    error.hidden = false;
    error.innerHTML = `<p>${html} <a href="${href('/donnees/')}">Revenir à la vue par défaut</a>.</p>`;
    part('result').innerHTML = '';
    part('count').textContent = 'Aucune ligne';
    status.textContent = '';
  }

  /** A URL the explorer refuses says why (our French message); any other failure (a file not
   * loaded, the engine's own error, in English) is logged for us and told plainly to the reader. */
  function showError(error: unknown): void {
    if (error instanceof InvalidState) return showProblem(`<strong>Ce lien d'exploration n'est pas valide</strong> (${escapeHtml(error.message)}).`);
    console.error(error);
    showProblem(
      "<strong>Les données n’ont pas pu être chargées ou calculées dans votre navigateur.</strong> Rechargez la page pour réessayer ; les tableaux restent consultables dans les pages des rapports.",
    );
  }

  async function facets(duck: Engine, v: ExplorerView): Promise<Record<string, FacetValue[]>> {
    let f = facetCache.get(v.id);
    if (!f) {
      const fields = v.fields.filter((x) => x.role === 'facet');
      const lists = await Promise.all(fields.map((x) => facetQuery(v, x)).map((q) => duck.queryViews(q.sql, q.params)));
      f = Object.fromEntries(fields.map((x, i) => [x.name, facetValues(lists[i]!)]));
      facetCache.set(v.id, f);
    }
    return f;
  }

  async function showTable(duck: Engine, s: TableState, mine: number, redrawControls: boolean): Promise<void> {
    const v = view(s.view);
    status.textContent = 'Chargement des données…';
    await duck.loadView(v.table, v.csv, viewColumns(v));
    const f = await facets(duck, v);
    const q = buildQueries(s, v);
    const started = performance.now();
    const [rows, count, totals] = await Promise.all([q.rows, q.count, q.totals].map((x) => duck.queryViews(x.sql, x.params)));
    if (mine !== run) return;
    // A filter, group or search the reader just set is already shown as such: no redraw, no lost focus.
    if (redrawControls || part('controls').dataset.view !== v.id) {
      part('controls').innerHTML = tableControlsHtml(boot.views, v, s, f);
      part('controls').dataset.view = v.id;
    }
    const result: Result = { columns: q.columns, rows: rows!, totals: totals![0], count: Number(count![0]!.n), page: s.page, pageSize: PAGE_SIZE, sort: s.sort };
    part('result').innerHTML = resultHtml(result, v.title);
    part('count').textContent = pageText(result);
    const measure = q.columns.find((c) => c.numeric && !c.percent && c.name !== 'lignes' && !s.group.includes(c.name));
    if (s.group.length === 1 && measure) {
      const g = q.columns[0]!;
      await drawChart(part('chart'), rows!.map((r) => ({ label: String((g.label ? r[g.label] : r[g.name]) ?? ''), value: r[measure.name] as number | null })), false, `${measure.title} par ${g.title.toLowerCase()}`);
    } else part('chart').innerHTML = '';
    part('notes').innerHTML = [...v.notes.map((n) => `<p><span class="notes-label">Note :</span> ${escapeHtml(n)}</p>`), `<p><span class="notes-label">Sources :</span> ${escapeHtml(v.sources.join(' ; '))}</p>`].join('');
    showPager(part('pager'), result);
    lastResult = { columns: q.columns, all: () => duck.queryViews(q.all.sql, q.all.params) as Promise<ResultRow[]> };
    status.textContent = `Résultat calculé dans votre navigateur par DuckDB-WASM (${Math.round(performance.now() - started)} ms).`;
    root.dataset.ready = 'table';
  }

  async function showIndicator(duck: Engine, s: IndicatorState, mine: number): Promise<void> {
    const indicator = boot.indicators.find((i) => i.id === s.indicator)!;
    const reports = boot.reports.filter((r) => (s.compare === 'regions' ? String(r.year) === s.at : r.region === s.at));
    status.textContent = 'Calcul des indicateurs…';
    const rows: ResultRow[] = [];
    for (const r of reports) {
      const selection = Object.fromEntries(Object.entries({ territory: r.region, year: r.year }).filter(([d]) => indicator.dimensions.includes(d)));
      const values = await duck.runIndicator(r.packageUrl, indicator, boot.indicatorViews, selection);
      const others = indicator.dimensions.filter((d) => !['territory', 'year', 'operator'].includes(d));
      for (const v of values)
        rows.push({
          report: r.label,
          year: r.year,
          territory: r.regionLabel,
          operator: v.operator === undefined ? null : (r.operators[String(v.operator)] ?? String(v.operator)),
          detail: others.length ? others.map((d) => String(v[d])).join(' · ') : null,
          value: v.value,
        });
    }
    // Year-on-year variation, by DuckDB too, over the values just computed (bound, not spliced).
    if (s.compare === 'years' && rows.length) {
      const varied = await duck.queryViews(
        `SELECT k, y, v, CASE WHEN lag(v) OVER w IS NULL OR lag(v) OVER w = 0 THEN NULL ELSE 100 * (v / lag(v) OVER w - 1) END AS variation FROM (VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}) t(k, y, v) WINDOW w AS (PARTITION BY k ORDER BY y)`,
        rows.flatMap((r) => [String(r.operator ?? ''), Number(r.year), Number(r.value ?? 0)]),
      );
      for (const r of rows) r.variation = (varied.find((x) => x.k === String(r.operator ?? '') && Number(x.y) === Number(r.year))?.variation as number | null) ?? null;
    }
    if (mine !== run) return;
    const columns: Column[] = [
      { name: 'report', title: 'Rapport', numeric: false, percent: false },
      ...(indicator.dimensions.includes('operator') ? [{ name: 'operator', title: 'Opérateur', numeric: false, percent: false }] : []),
      ...(rows.some((r) => r.detail !== null) ? [{ name: 'detail', title: 'Détail', numeric: false, percent: false }] : []),
      { name: 'value', title: indicator.label, numeric: true, percent: indicator.unit === 'percent', digits: indicator.decimals },
      ...(s.compare === 'years' ? [{ name: 'variation', title: 'Évolution sur un an (%)', numeric: true, percent: true, digits: 1 }] : []),
    ];
    part('controls').innerHTML = indicatorControlsHtml(boot.indicators, boot.reports, s);
    delete part('controls').dataset.view;
    await drawChart(
      part('chart'),
      rows.map((r) => ({ label: r.operator ? String(r.operator) : String(r.report), panel: r.operator ? String(r.report) : undefined, value: r.value as number | null })),
      indicator.unit === 'percent',
      indicator.label,
    );
    const result: Result = { columns, rows, count: rows.length, page: 1, pageSize: Math.max(rows.length, 1) };
    part('result').innerHTML = resultHtml(result, `${indicator.label} — ${s.compare === 'regions' ? `régions, ${s.at}` : `${reports[0]?.regionLabel ?? s.at}, par année`}`);
    part('count').textContent = pageText(result);
    part('notes').innerHTML =
      '<p><span class="notes-label">Précaution :</span> les sources des entrées en CEP changent selon les années (SI-CEP et EVOL jusqu’en 2022, AGORA depuis 2023) : les données ne sont pas comparables dans le temps, et la comparaison entre régions suppose des sources de même année.</p>';
    showPager(part('pager'), undefined);
    lastResult = { columns, all: async () => rows };
    status.textContent = `Indicateurs calculés dans votre navigateur par DuckDB-WASM, avec les définitions des rapports.`;
    root.dataset.ready = 'indicator';
  }

  async function apply(next: ExplorerState, redrawControls = true): Promise<void> {
    state = next;
    const mine = ++run;
    delete root.dataset.ready;
    part('error').hidden = true;
    for (const a of root.querySelectorAll<HTMLAnchorElement>('[data-mode]')) a.toggleAttribute('aria-current', a.dataset.mode === next.mode);
    try {
      if (!engine) status.textContent = 'Chargement du moteur de calcul (environ 5 Mo)…';
      const duck = await loadEngine();
      if (next.mode === 'table') await showTable(duck, next, mine, redrawControls);
      else await showIndicator(duck, next, mine);
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
    const value = (name: string) => root.querySelector<HTMLInputElement & HTMLSelectElement>(`[data-control="${name}"]${name === 'compare' ? ':checked' : ''}`)!.value;
    const compare = value('compare') as IndicatorState['compare'];
    go({ mode: 'indicator', indicator: value('indicator'), compare, at: compare === 'regions' ? value('year') : value('region') });
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
