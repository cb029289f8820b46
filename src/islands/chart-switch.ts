/**
 * Progressive enhancement of charts that offer several territories. Nothing heavy loads with
 * the page: DuckDB-WASM, Plot and the chart specs are fetched on the reader's first switch.
 */
import { drawSizes } from '../charts/sizes.ts';

interface BrowserState {
  report: string;
  packageUrl: string;
  /** A named chart, or null: bars of the indicator by `by`. */
  chart: string | null;
  by: string;
  indicator: import('../indicators/model.ts').IndicatorDefinition;
  views: import('../indicators/model.ts').SharedView[];
  selections: Record<string, Record<string, string | number>>;
  contexts: Record<string, import('../charts/spec.ts').ChartContext>;
}

function part(figure: HTMLElement, role: string): HTMLElement {
  const el = figure.querySelector<HTMLElement>(`[data-role="${role}"]`);
  if (!el) throw new Error(`chart ${figure.id}: missing ${role}`);
  return el;
}

async function redraw(figure: HTMLElement, state: BrowserState, territory: string): Promise<void> {
  const status = part(figure, 'status');
  status.textContent = 'Chargement du moteur de calcul DuckDB-WASM…';
  figure.setAttribute('aria-busy', 'true');
  try {
    const [{ runIndicator }, { getChart }, { indicatorBars }, Plot] = await Promise.all([
      import('../engine/browser.ts'),
      import('../charts/index.ts'),
      import('../charts/indicator-bars.ts'),
      import('@observablehq/plot'),
    ]);
    const spec = state.chart ? getChart(state.chart) : indicatorBars(state.indicator, state.by);
    const ctx = state.contexts[territory];
    const selection = state.selections[territory];
    if (!ctx || !selection) throw new Error(`territoire inconnu ${territory}`);
    status.textContent = 'Calcul en cours…';
    const rows = await runIndicator(state.packageUrl, state.indicator, state.views, selection);
    const caption = part(figure, 'title');
    const alt = part(figure, 'alt');
    const svgs = drawSizes(Plot.plot, document, (size) => spec.plot(rows, ctx, size), { labelledBy: caption.id, describedBy: alt.id });
    part(figure, 'svg').replaceChildren(...svgs);
    caption.textContent = spec.title(ctx);
    alt.textContent = spec.describe(rows, ctx);
    const lecture = figure.querySelector('[data-role="lecture-text"]');
    if (lecture) lecture.textContent = spec.lecture(rows, ctx);
    status.textContent = `Valeurs pour ${ctx.territoryLabel} calculées dans votre navigateur à partir des données publiées.`;
    figure.dataset.territory = territory;
  } catch (error) {
    // The engine's own message is English and technical: logged for us, not shown to readers.
    console.error(error);
    status.textContent = "Le calcul n’a pas pu être effectué dans votre navigateur. Les valeurs restent consultables dans le tableau « Voir les données ».";
  } finally {
    figure.removeAttribute('aria-busy');
  }
}

export function enhanceChartSwitches(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>('figure[data-chart-switch]')) {
    const state = JSON.parse(part(figure, 'state').textContent ?? '{}') as BrowserState;
    const fieldset = part(figure, 'switch');
    fieldset.hidden = false;
    fieldset.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      if (input.checked) void redraw(figure, state, input.value);
    });
  }
}
