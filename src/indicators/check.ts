/**
 * Everything about indicators that needs DuckDB, run by `npm run validate`, the build and
 * `npm run release`: the catalogue's SQL (sql-check.ts), then on every edition the figures the
 * report prints against the computed ones (published-check.ts), and on every released edition
 * the computed values against their snapshot (snapshot.ts).
 */
import path from 'node:path';
import type { Catalog, Report } from '../data/catalog.ts';
import { quote, type DataIssue } from '../data/issues.ts';
import { dataDir, displayPath } from '../data/paths.ts';
import { indicatorRows } from '../engine/node.ts';
import { inspectIndicators } from './catalogue.ts';
import { checkPublished } from './published-check.ts';
import { compareSnapshot, readSnapshot, snapshotRows, SNAPSHOT_FILE, writeSnapshot, type Snapshot } from './snapshot.ts';
import { checkIndicatorSql } from './sql-check.ts';

export const reportYearDir = (report: Report, root = dataDir()) => path.join(root, 'reports', report.id);

export async function checkIndicators(catalog: Catalog, root = dataDir()): Promise<DataIssue[]> {
  const issues: DataIssue[] = [];
  const inspected = inspectIndicators(root, issues);
  if (issues.length > 0) return issues;
  issues.push(...(await checkIndicatorSql(inspected)));
  if (issues.length > 0) return issues;
  const { indicators } = inspected.catalogue;
  for (const report of catalog.editions) {
    const yearDir = reportYearDir(report, root);
    const frozen = report.edition.released ? readSnapshot(yearDir)[`v${report.edition.number}`] : undefined;
    if (report.edition.released && !frozen)
      issues.push({
        file: displayPath(path.join(yearDir, SNAPSHOT_FILE)),
        line: 1,
        column: 1,
        // A warning: the edition's own files are still frozen by its lock; only its computed values go unwatched.
        severity: 'warning',
        message: `valeurs des indicateurs de l'édition publiée v${report.edition.number} de ${report.id} non enregistrées : un changement de requête qui modifierait ses chiffres ne serait pas détecté ; lancez npm run snapshot (npm run release les écrit à la publication)`,
      });
    // Only what can fail runs: the indicators with a printed figure, and those the snapshot holds.
    for (const indicator of indicators.filter((i) => i.published || (frozen && i.id in frozen))) {
      const rows = await indicatorRows(report, indicator);
      issues.push(...checkPublished(report, indicator, rows));
      if (frozen) issues.push(...compareSnapshot(report, yearDir, indicator, frozen[indicator.id], rows));
    }
    for (const id of Object.keys(frozen ?? {}).filter((id) => !indicators.some((i) => i.id === id)))
      issues.push({
        file: displayPath(path.join(yearDir, SNAPSHOT_FILE)),
        line: 1,
        column: 1,
        severity: 'error',
        message: `l'indicateur ${quote(id)}, calculé dans l'édition publiée v${report.edition.number} de ${report.id}, n'existe plus dans data/indicators : ses pages ne peuvent plus être reconstruites à l'identique ; rétablissez-le`,
      });
  }
  return issues;
}

/** Writes the snapshot of released editions that have none (never rewrites one); returns the editions written. */
export async function snapshotReleased(catalog: Catalog, only?: Report, root = dataDir()): Promise<string[]> {
  const written: string[] = [];
  const { catalogue } = inspectIndicators(root);
  const byYear = new Map<string, Report[]>();
  for (const report of catalog.editions.filter((r) => r.edition.released && (!only || r.editionId === only.editionId)))
    byYear.set(report.id, [...(byYear.get(report.id) ?? []), report]);
  for (const reports of byYear.values()) {
    const yearDir = reportYearDir(reports[0]!, root);
    const snapshot: Snapshot = readSnapshot(yearDir);
    let changed = false;
    for (const report of reports) {
      const key = `v${report.edition.number}`;
      if (snapshot[key]) continue;
      snapshot[key] = {};
      for (const indicator of catalogue.indicators) snapshot[key]![indicator.id] = snapshotRows(indicator, await indicatorRows(report, indicator));
      written.push(report.editionId);
      changed = true;
    }
    if (changed) writeSnapshot(yearDir, snapshot);
  }
  return written;
}
