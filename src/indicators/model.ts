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

export interface IndicatorCatalogue {
  indicators: IndicatorDefinition[];
  views: SharedView[];
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
