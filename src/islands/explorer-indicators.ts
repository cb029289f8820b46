/**
 * The explorer's « Indicateurs » mode in the browser: an indicator across every published report,
 * computed at build time (/donnees/indicateurs/<id>.json, explorer/comparisons.ts). A small JSON
 * fetch and Plot: no DuckDB-WASM here.
 */
import type { IndicatorComparison } from '../explorer/comparison-model.ts';
import { comparisonResult, resolveState, type ComparisonResult } from '../explorer/comparison-view.ts';
import { indicatorControlsHtml, type IndicatorChoice } from '../explorer/indicator-controls.ts';
import type { Column, IndicatorState } from '../explorer/query.ts';
import { escapeHtml, pageText, resultHtml, type ResultRow } from '../explorer/render.ts';
import { href } from '../site/url.ts';

/** What the explorer lends this mode: its parts, and whether the run is still the latest one. */
export interface IndicatorPanel {
  root: HTMLElement;
  part: (role: string) => HTMLElement;
  current: () => boolean;
  /** The state shown, once its axis is filled in (a link naming only the indicator). */
  shown: (state: IndicatorState) => void;
  /** The rows the download buttons write. */
  downloadable: (columns: Column[], rows: ResultRow[]) => void;
}

const comparisons = new Map<string, Promise<IndicatorComparison>>();

function comparison(id: string): Promise<IndicatorComparison> {
  let c = comparisons.get(id);
  if (!c) {
    c = fetch(href(`/donnees/indicateurs/${encodeURIComponent(id)}.json`)).then((r) => {
      if (!r.ok) throw new Error(`${r.url}: ${r.status}`);
      return r.json() as Promise<IndicatorComparison>;
    });
    comparisons.set(id, c);
    c.catch(() => comparisons.delete(id));
  }
  return c;
}

async function drawBars(target: HTMLElement, c: IndicatorComparison, { bars, chosen }: ComparisonResult, s: IndicatorState, current: () => boolean): Promise<void> {
  if (!bars) {
    target.innerHTML = '';
    return;
  }
  const [{ indicatorBars }, { drawSizes }, Plot] = await Promise.all([import('../charts/indicator-bars.ts'), import('../charts/sizes.ts'), import('../charts/browser-plot.ts')]);
  if (!current()) return;
  const spec = indicatorBars(c.indicator, bars.by);
  const ctx = { year: bars.by === 'territory' ? Number(s.at) : 0, territoryLabel: c.territories[s.at] ?? '', labels: bars.labels };
  const title = [c.indicator.dimensions.includes('year') ? spec.title(ctx) : `${c.indicator.label}, par territoire`, ...chosen].join(' — ');
  target.innerHTML = `<figure class="chart"><figcaption id="explorer-chart-title">${escapeHtml(title)}</figcaption><div class="chart-svg"></div><p id="explorer-chart-alt" class="visually-hidden">${escapeHtml(spec.describe(bars.rows, ctx))}</p><div class="notes"><p data-role="lecture"><span class="notes-label">Lecture :</span> ${escapeHtml(spec.lecture(bars.rows, ctx))}</p></div></figure>`;
  const svgs = drawSizes(Plot.plot, document, (size) => spec.plot(bars.rows, ctx, size), { labelledBy: 'explorer-chart-title', describedBy: 'explorer-chart-alt' });
  target.querySelector('.chart-svg')!.append(...svgs);
}

function notesHtml(c: IndicatorComparison, result: ComparisonResult): string {
  const sources = result.sources.map((i) => c.sources[i]!);
  return [
    ...result.notes.map((n) => `<p><span class="notes-label">${escapeHtml(n.label)} :</span> ${escapeHtml(n.text)}</p>`),
    `<p><span class="notes-label">Sources :</span> ${sources.map((s) => `<a href="${escapeHtml(href(s.page))}">${escapeHtml(s.label)}</a>`).join(' ; ')} — valeurs calculées avec les définitions des rapports (<a href="${escapeHtml(href('/methodologie/#indicateurs'))}">méthodologie</a>).</p>`,
  ].join('');
}

/** Shows an indicator comparison; a state whose axis has fewer than two points says why, in French. */
export async function showIndicator(panel: IndicatorPanel, indicators: IndicatorChoice[], asked: IndicatorState): Promise<void> {
  const { part } = panel;
  part('status').textContent = 'Chargement des valeurs de l’indicateur…';
  const c = await comparison(asked.indicator);
  if (!panel.current()) return;
  const resolved = resolveState(c, asked);
  const s = 'state' in resolved ? resolved.state : asked;
  panel.shown(s);
  part('controls').innerHTML = indicatorControlsHtml(indicators, c, s);
  delete part('controls').dataset.view;
  let result: ComparisonResult | undefined;
  if ('problem' in resolved) {
    part('error').hidden = false;
    part('error').innerHTML = `<p>${escapeHtml(resolved.problem)}</p>`;
    for (const role of ['result', 'chart', 'notes']) part(role).innerHTML = '';
    part('count').textContent = 'Aucune ligne';
    panel.downloadable([], []);
  } else {
    result = comparisonResult(c, s);
    const table = { columns: result.columns, rows: result.rows, count: result.rows.length, page: 1, pageSize: Math.max(result.rows.length, 1) };
    part('result').innerHTML = resultHtml(table, result.caption);
    // The comparison comes in its reading order: its headers are not sort buttons.
    for (const b of part('result').querySelectorAll('button.sort')) b.replaceWith(b.textContent ?? '');
    part('count').textContent = pageText(table);
    part('notes').innerHTML = notesHtml(c, result);
    panel.downloadable(result.columns, result.rows);
  }
  part('status').textContent = 'Valeurs calculées à la construction du site par DuckDB, avec les définitions des rapports : rien n’est calculé dans votre navigateur.';
  // The asked values are on screen; the chart (Plot, loaded on first use) follows below them.
  panel.root.dataset.result = 'indicator';
  if (result) await drawBars(part('chart'), c, result, s, panel.current);
  if (!panel.current()) return;
  panel.root.dataset.ready = 'indicator';
}

/** The state a change of the indicator controls asks for: a new indicator keeps the axis where it applies. */
export async function changedIndicatorState(control: HTMLSelectElement | HTMLInputElement, previous: IndicatorState): Promise<IndicatorState> {
  const kind = control.dataset.control;
  if (kind === 'compare') return { ...previous, compare: control.value as IndicatorState['compare'], at: '' };
  if (kind === 'year' || kind === 'territory') return { ...previous, at: control.value };
  if (kind === 'choice') {
    const choices = { ...previous.choices, [control.dataset.dimension!]: control.value };
    return { ...previous, choices: Object.fromEntries(Object.entries(choices).filter(([, v]) => v !== '')) };
  }
  const next: IndicatorState = { mode: 'indicator', indicator: control.value, compare: previous.compare, at: previous.at };
  const resolved = resolveState(await comparison(next.indicator), next);
  return 'state' in resolved ? resolved.state : { ...next, at: '' };
}
