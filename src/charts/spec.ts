import type { PlotOptions } from '@observablehq/plot';
import type { ChartSize } from './sizes.ts';

/** What a chart needs besides its rows; plain data, one per variant a reader can choose (components/chart-variants.ts). */
export interface ChartContext {
  year: number;
  territoryLabel: string;
  /** Code → label of the categories, as named in the report's year (e.g. Pôle emploi in 2023). */
  labels: Record<string, string>;
}

/**
 * A chart drawn from the rows of one indicator. Every function is pure: the build draws it,
 * as SVG in the HTML, once per variant a reader can choose.
 */
export interface ChartSpec {
  id: string;
  indicator: string;
  title(ctx: ChartContext): string;
  /** The chart at one of its sizes (sizes.ts). */
  plot(rows: Record<string, unknown>[], ctx: ChartContext, size: ChartSize): PlotOptions;
  /** Text alternative: the message of the chart in one or two sentences, with its figures. */
  describe(rows: Record<string, unknown>[], ctx: ChartContext): string;
  /** How to read one value (« Lecture : … »), without the prefix. */
  lecture(rows: Record<string, unknown>[], ctx: ChartContext): string;
}
