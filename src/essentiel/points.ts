/**
 * The points of « L'essentiel » a report can state: those whose every figure the report's data
 * gives (one row, a value). A point it lacks is left out rather than shown « n.d. »: the key
 * points say what the report says. At most MAX_POINTS, in the file's order.
 */
import type { Report } from '../data/catalog.ts';
import { formatIssue } from '../data/issues.ts';
import { indicatorRows } from '../engine/node.ts';
import { getIndicator, loadIndicators } from '../indicators/catalogue.ts';
import { selectRows, withDefaults } from '../indicators/select.ts';
import { inspectEssentiel, type Builtin, type EssentielPoint } from './file.ts';

export const MAX_POINTS = 6;

/** What the placeholders every report fills in read in its sentences. */
export const builtinsOf = (report: Pick<Report, 'region' | 'year'>): Record<Builtin, string> => ({
  région: report.region.label,
  'en région': report.region.in_label,
  année: String(report.year),
});

async function hasEveryValue(report: Report, point: EssentielPoint): Promise<boolean> {
  for (const { indicator: id, ...selection } of Object.values(point.values)) {
    const indicator = getIndicator(id);
    const found = selectRows(await indicatorRows(report, indicator), withDefaults(indicator, selection, report));
    if (found.length !== 1 || found[0]!.value === null || found[0]!.value === undefined) return false;
  }
  return true;
}

/** The points stated on the report's home. A broken file stops the build (validate locates it). */
export async function essentielOf(report: Report): Promise<EssentielPoint[]> {
  const { points, issues } = inspectEssentiel(loadIndicators());
  if (issues.length > 0) throw new Error(issues.map(formatIssue).join('\n'));
  const kept: EssentielPoint[] = [];
  for (const point of points) if (kept.length < MAX_POINTS && (await hasEveryValue(report, point))) kept.push(point);
  return kept;
}
