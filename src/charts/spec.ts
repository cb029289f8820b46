import type { PlotOptions } from '@observablehq/plot';
import type { ChartSize } from './sizes.ts';

/** What a chart needs besides its rows; plain data, one per variant a reader can choose (components/chart-variants.ts). */
export interface ChartContext {
  year: number;
  territoryLabel: string;
  /** The territory as a sentence places it: « dans les Hauts-de-France » (territories.csv, in_label). */
  territoryIn: string;
  /** Code → label of the categories, as named in the report's year (e.g. Pôle emploi in 2023). */
  labels: Record<string, string>;
}

/** What a chart that never places its territory in a sentence needs: the explorer's comparisons give no more. */
export type BarsContext = Omit<ChartContext, 'territoryIn'>;

/**
 * A chart drawn from the rows of one indicator. Every function is pure: the build draws it,
 * as SVG in the HTML, once per variant a reader can choose.
 */
export interface ChartSpec<Context extends BarsContext = ChartContext> {
  id: string;
  indicator: string;
  title(ctx: Context): string;
  /** The chart at one of its sizes (sizes.ts). */
  plot(rows: Record<string, unknown>[], ctx: Context, size: ChartSize): PlotOptions;
  /** Text alternative: the message of the chart in one or two sentences, with its figures. */
  describe(rows: Record<string, unknown>[], ctx: Context): string;
  /** How to read one value (« Lecture : … »), without the prefix. */
  lecture(rows: Record<string, unknown>[], ctx: Context): string;
}
