/**
 * What datasets' rows cover, as their own columns say: the years of their `year` column and the
 * territories of their `territory` column (named from the reference territories). A dataset
 * without such a column covers nothing that can be stated: the metadata then omit the property.
 */
import type { Catalog, Resource, Territory } from '../data/catalog.ts';

export interface Coverage {
  /** First and last year of the rows; absent when no row has a year. */
  years?: { first: number; last: number };
  /** The rows' territories, in the reference list's order; empty when no row has one. */
  territories: Territory[];
}

/** The union of what the given resources' rows cover. */
export function coverageOf(resources: Iterable<Resource>, territories: Catalog['territories']): Coverage {
  let years: Coverage['years'];
  const codes = new Set<string>();
  for (const { table } of resources)
    for (const { year, territory } of table.rows) {
      if (typeof year === 'number') years = { first: Math.min(year, years?.first ?? year), last: Math.max(year, years?.last ?? year) };
      if (territory !== undefined && territory !== null) codes.add(String(territory));
    }
  return {
    ...(years && { years }),
    territories: [...territories.values()].filter((t) => codes.has(t.code)),
  };
}
