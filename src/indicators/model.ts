/**
 * What an indicator is, once loaded from data/indicators/*.json (catalogue.ts). Plain data, so
 * that pages can hand the definitions the browser needs to the browser.
 */
import type { DatasetKind } from '../data/kinds.ts';

/** How values read: counts, percentages, signed variations, percentage points, indices. */
export type Unit = 'count' | 'percent' | 'variation' | 'points' | 'index';

export interface IndicatorDefinition {
  id: string;
  /** French label, as shown to readers. */
  label: string;
  unit: Unit;
  /** Decimals shown to readers (rounding is for display only). */
  decimals: number;
  /** French definition, published on the methodology page and in /donnees/indicateurs.json. */
  definition: string;
  /** The standard dataset kinds the SQL reads (one table each, named after the kind). */
  reads: DatasetKind[];
  /** Columns that tell result rows apart: a component picks a row by giving each of them. */
  dimensions: string[];
  /** The field the report prints for the same figure, returned by the SQL as `published`. */
  published?: { field: string; decimals?: number };
  sql: string;
  /** The version of its definition now in force: 1, plus one per definition change (a `definition` break). */
  definitionVersion: number;
  /** The series breaks its values are subject to (breaks.ts): no comparison is made across one. */
  breaks: AppliedBreak[];
  /** What a variation compares: the years of its two ends (breaks.ts refuses one across a break). */
  compares?: Compares;
  /** The catalogue file it comes from (family), for messages and the methodology page. */
  family: string;
  file: string;
}

/** A named SQL view shared by several indicators (one definition), built over the kind tables. */
export interface SharedView {
  name: string;
  description: string;
  sql: string;
}

/**
 * A series break: from `year` on, the values are not comparable with those of earlier years,
 * because the source changed (`source`) or the definition did (`definition`).
 */
export interface SeriesBreak {
  id: string;
  year: number;
  cause: 'source' | 'definition';
  /** Short French label (« passage à AGORA »). */
  label: string;
  /** French explanation for readers: what changed, who says the series are not comparable. */
  explanation: string;
}

/** A break as an indicator applies it: to the rows whose dimensions match `where` (all rows when empty). */
export interface AppliedBreak extends SeriesBreak {
  where: Record<string, string[]>;
}

/** The years a variation compares: two dimensions (`from_year`, `to_year`), or one and the years before it. */
export type Compares = { from: string; to: string } | { to: string; yearsBefore: number };

export interface IndicatorCatalogue {
  indicators: IndicatorDefinition[];
  views: SharedView[];
  breaks: SeriesBreak[];
}

export type IndicatorRow = Record<string, string | number | null> & { value: number | null };

/** Dimensions a component may leave out: they default to the report's own region and year. */
export const DEFAULTED = ['territory', 'year'] as const;

export const defaultDecimals: Record<Unit, number> = { count: 0, percent: 1, variation: 1, points: 1, index: 1 };

/** Two values of an indicator: equal, or different only by floating-point noise (sums taken in another order). */
export function sameValue(a: number | string | null | undefined, b: number | string | null | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return (a ?? null) === (b ?? null);
}

/** Whether the indicator reads datasets of this kind (a resource's `cep.kind`). */
export function readsKind(indicator: Pick<IndicatorDefinition, 'reads'>, kind: string | undefined): boolean {
  return (indicator.reads as readonly string[]).includes(kind ?? '');
}
