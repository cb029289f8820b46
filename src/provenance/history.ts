/**
 * A figure's value in each edition of its report, oldest first: plain data, so that the
 * revision notices of each change (issue 15, point 2) can be joined to it.
 */
import { editionsOf, type Catalog, type Report, type Resource } from '../data/catalog.ts';
import type { Cell, Row } from '../data/table.ts';
import { indicatorRows } from '../engine/node.ts';
import type { IndicatorDefinition } from '../indicators/model.ts';
import { rowKey } from './figure-id.ts';

export interface HistoryEntry {
  edition: Report;
  /** The figure's value in that edition; null when missing there (« n.d. »). */
  value: Cell;
  /** False when the edition has no such dataset row or indicator result. */
  present: boolean;
  /** The edition whose page the reader is on. */
  current: boolean;
  /** A dataset cell's row in that edition, when it has it: its figure is printed as that edition's table prints it. */
  row?: Row;
}

const sameKey = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => String(v) === String(b[i]));

/** The value of one dataset cell (dataset, primary key, field) in each edition. */
export function cellHistory(catalog: Catalog, report: Report, resource: Resource, row: Row, field: string): HistoryEntry[] {
  const key = rowKey(resource, row);
  return editionsOf(catalog, report).map((edition) => {
    const there = edition.resources.get(resource.descriptor.name);
    const match = there?.table.rows.find((r) => sameKey(rowKey(there, r), key));
    return { edition, value: match?.[field] ?? null, present: match !== undefined && field in match, current: edition === report, row: match };
  });
}

/** The value of one indicator result (indicator, dimensions) in each edition, computed from that edition's data. */
export async function indicatorHistory(catalog: Catalog, report: Report, indicator: IndicatorDefinition, row: Record<string, unknown>): Promise<HistoryEntry[]> {
  const key = indicator.dimensions.map((d) => row[d]);
  return Promise.all(
    editionsOf(catalog, report).map(async (edition) => {
      const rows = await indicatorRows(edition, indicator);
      const match = rows.find((r) => sameKey(indicator.dimensions.map((d) => r[d]), key));
      return { edition, value: match?.value ?? null, present: match !== undefined, current: edition === report };
    }),
  );
}
