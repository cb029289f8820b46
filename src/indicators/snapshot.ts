/**
 * The computed values of a released edition, frozen beside its files: `indicators.lock.json`
 * holds, per released edition, every row of every indicator as it was when the edition was
 * released. The lock freezes the edition's own files; this freezes what the site computes from
 * them, so that a change of an indicator's SQL that moves a released figure fails validation.
 * Indicators added to the catalogue later are not in it, and are free to appear.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../data/catalog.ts';
import { quote, type DataIssue } from '../data/issues.ts';
import { displayPath } from '../data/paths.ts';
import { formatValue } from '../format/number.ts';
import { sameValue, type IndicatorDefinition, type IndicatorRow } from './model.ts';

import { SNAPSHOT_FILE } from '../data/editions.ts';

export { SNAPSHOT_FILE };

type SnapshotRow = Record<string, string | number | null>;
/** Per edition folder (`v1`), per indicator, the rows: dimensions and value. */
export type Snapshot = Record<string, Record<string, SnapshotRow[]>>;

const round = (v: number | null) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v);

export function snapshotRows(indicator: IndicatorDefinition, rows: IndicatorRow[]): SnapshotRow[] {
  return rows.map((r) => ({ ...Object.fromEntries(indicator.dimensions.map((d) => [d, r[d] ?? null])), value: round(r.value) }));
}

export function readSnapshot(yearDir: string): Snapshot {
  const file = path.join(yearDir, SNAPSHOT_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Snapshot) : {};
}

/** One row per line: the file stays readable in a diff. */
export function writeSnapshot(yearDir: string, snapshot: Snapshot): void {
  const editions = Object.keys(snapshot).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const body = editions.map((e) => {
    const indicators = Object.keys(snapshot[e]!).sort().map((id) => {
      const rows = snapshot[e]![id]!.map((r) => `      ${JSON.stringify(r)}`).join(',\n');
      return `    ${JSON.stringify(id)}: [${rows ? `\n${rows}\n    ` : ''}]`;
    });
    return `  ${JSON.stringify(e)}: {\n${indicators.join(',\n')}\n  }`;
  });
  writeFileSync(path.join(yearDir, SNAPSHOT_FILE), `{\n${body.join(',\n')}\n}\n`);
}

const keyOf = (indicator: IndicatorDefinition, r: SnapshotRow) => JSON.stringify(indicator.dimensions.map((d) => r[d] ?? null));

/** A released edition's values now against its snapshot: every moved, added or vanished row. */
export function compareSnapshot(report: Report, yearDir: string, indicator: IndicatorDefinition, frozen: SnapshotRow[] | undefined, rows: IndicatorRow[]): DataIssue[] {
  if (!frozen) return [];
  const file = displayPath(path.join(yearDir, SNAPSHOT_FILE));
  const now = new Map(snapshotRows(indicator, rows).map((r) => [keyOf(indicator, r), r]));
  const before = new Map(frozen.map((r) => [keyOf(indicator, r), r]));
  const issues: DataIssue[] = [];
  const tell = (what: string) =>
    issues.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      message: `l'édition publiée v${report.edition.number} de ${report.id} affichait ${what} ; une édition publiée ne change pas : rétablissez la requête de l'indicateur ${quote(indicator.id)} (${indicator.file}) ou les référentiels, ou donnez-lui un nouvel identifiant`,
    });
  const show = (r: SnapshotRow) => `${indicator.id} (${indicator.dimensions.map((d) => `${d}=${String(r[d])}`).join(', ')})`;
  for (const [key, old] of before) {
    const current = now.get(key);
    if (!current) tell(`${show(old)} = ${formatValue(old.value as number | null, indicator.unit, 3)}, une valeur qui n'est plus calculée`);
    else if (!sameValue(old.value, current.value))
      tell(`${show(old)} = ${formatValue(old.value as number | null, indicator.unit, 3)}, le calcul donne maintenant ${formatValue(current.value as number | null, indicator.unit, 3)}`);
  }
  for (const [key, added] of now) if (!before.has(key)) tell(`${show(added)} sans valeur, le calcul donne maintenant ${formatValue(added.value as number | null, indicator.unit, 3)}`);
  return issues;
}
