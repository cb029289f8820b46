/**
 * The revision notices of a report's editions (revisions-schema.ts): reading them, and those of
 * an edition, for the pages (edition home, chapters, editions list, diff, a figure's provenance:
 * revisions-view.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkAgainst, readJsonFile, type JsonFile } from '../data/json-file.ts';
import type { DataIssue } from '../data/issues.ts';
import { dataDir } from '../data/paths.ts';
import { REVISIONS_FILE } from '../data/editions.ts';
import { validateRevisions, type FigureRef, type RevisionNotice, type RevisionsFile, type Scalar } from './revisions-schema.ts';

/** What a page says for a reason or an effect that a released edition did not state. */
export const UNSTATED = "non précisé dans l'édition";

/** The notices file of a report (`<region>/<year>`), under a data root. */
export function revisionsPath(reportId: string, root: string = dataDir()): string {
  return path.join(root, 'reports', ...reportId.split('/'), REVISIONS_FILE);
}

/** The notices file, checked against its schema; `notices: []` when the report has none. */
export function readRevisions(file: string, issues: DataIssue[]): { json?: JsonFile; notices: RevisionNotice[] } {
  if (!existsSync(file)) return { notices: [] };
  const json = readJsonFile(file, issues);
  if (!json || !checkAgainst(json, validateRevisions, 'avis de révision', issues)) return { notices: [] };
  return { json, notices: (json.value as RevisionsFile).notices };
}

/** Row keys and dimensions as editors write them: `2023` and `"2023"` name the same row. */
export function sameKey(a: Record<string, Scalar>, b: Record<string, Scalar>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && String(a[k]) === String(b[k]));
}

export function sameFigure(a: FigureRef, b: FigureRef): boolean {
  if ('dataset' in a) return 'dataset' in b && a.dataset === b.dataset && a.field === b.field && sameKey(a.row, b.row);
  return 'indicator' in b && a.indicator === b.indicator && sameKey(a.dimensions, b.dimensions);
}

/** An edition as the lookups need it: its report and its number. */
export interface EditionKey {
  id: string;
  edition: { number: number };
}

// Pages ask once per figure: read each file once per build (it is validated by then).
const cache = new Map<string, RevisionNotice[]>();

/** Every notice of a report, in file order. */
export function reportNotices(report: { id: string }): RevisionNotice[] {
  const file = revisionsPath(report.id);
  let notices = cache.get(file);
  if (!notices) cache.set(file, (notices = readRevisions(file, []).notices));
  return notices;
}

/** The notices of the values this edition changed from the previous one. */
export function editionNotices(report: EditionKey): RevisionNotice[] {
  return reportNotices(report).filter((n) => n.edition === report.edition.number);
}
