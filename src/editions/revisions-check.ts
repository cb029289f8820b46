/**
 * What `npm run validate` and `npm run release` check in the revision notices: every value an
 * edition changed from the previous one (a cell of a row on both sides, editions/compare.ts) has
 * its notice in the report's revisions.json, and every notice names a value its edition changed,
 * with the old and new values the data holds. A missing notice is an error for an edition in
 * preparation (release refuses it) and a warning for a released one (its notice can be appended).
 */
import { editionsOf, type Catalog, type Report } from '../data/catalog.ts';
import { quote, type DataIssue } from '../data/issues.ts';
import { displayPath } from '../data/paths.ts';
import { compareDatasets, type Cell } from './compare.ts';
import { formatCell } from './markdown.ts';
import { readRevisions, revisionsPath, sameFigure } from './revisions.ts';
import type { FigureRef, RevisionNotice } from './revisions-schema.ts';

/** A value of a dataset that differs between an edition and the previous one. */
export interface ChangedValue {
  figure: Extract<FigureRef, { dataset: string }>;
  before: Cell;
  after: Cell;
  /** The edition's CSV file and the row's line in it. */
  file: string;
  line: number;
  column: number;
}

/** The values `after` changed from `before` (the previous edition of the same report). */
export function changedValues(before: Report, after: Report): ChangedValue[] {
  return compareDatasets(before.resources, after.resources).flatMap((d) => {
    const table = after.resources.get(d.name)?.table;
    if (!table || d.status !== 'modified') return [];
    return d.rows.changed.flatMap((row) =>
      row.cells.map((cell) => ({
        figure: { dataset: d.name, row: row.key, field: cell.field },
        before: cell.before,
        after: cell.after,
        file: displayPath(table.file),
        line: row.lineAfter,
        column: table.columnOf(cell.field),
      })),
    );
  });
}

const MISSING = 'sans avis de révision';

/** A changed value without its notice: what `npm run release` names as its own reason to refuse. */
export const isMissingNotice = (issue: DataIssue): boolean => issue.message.startsWith('valeur modifiée par') && issue.message.includes(MISSING);

const rowText = (row: Record<string, unknown>) => Object.entries(row).map(([k, v]) => `${k} = ${String(v)}`).join(', ');

/** « ptp_files, ligne territory = 28, year = 2023, colonne funded_rate_published : 75 → 76 » */
export function describeChange(c: { figure: ChangedValue['figure']; before: Cell; after: Cell }): string {
  const { dataset, row, field } = c.figure;
  return `${dataset}, ligne ${rowText(row)}, colonne ${field} : ${formatCell(field, c.before)} → ${formatCell(field, c.after)}`;
}

function noticeTemplate(edition: number, c: ChangedValue): string {
  return JSON.stringify({ edition, type: 'correction | revision | methode', figure: c.figure, before: c.before, after: c.after, reason: '…', effect: '…' });
}

/** Each notice against the values its edition changed; located in revisions.json. */
function checkNotices(
  notices: RevisionNotice[],
  changes: Map<number, ChangedValue[]>,
  locate: (at: (string | number)[]) => { line: number; column: number },
  file: string,
  issues: DataIssue[],
): void {
  notices.forEach((n, i) => {
    const error = (at: (string | number)[], message: string) => issues.push({ file, ...locate(['notices', i, ...at]), severity: 'error', message });
    // A notice written with its edition says why and with what effect; only one recorded
    // afterwards from what a released edition said may leave them unstated.
    for (const [key, what] of [['reason', 'pourquoi la valeur change'], ['effect', 'ce que le changement fait aux conclusions du rapport']] as const)
      if (n[key] === null && !n.recordedFrom)
        error([key], `${key} vide : attendu un texte qui dit ${what} ; null n'est admis que dans un avis écrit après la publication de son édition, avec recordedFrom (où ses faits ont été lus)`);
    const changed = changes.get(n.edition);
    if (!changed) return error(['edition'], `avis de révision pour l'édition v${n.edition}, que ce rapport n'a pas : attendu le numéro d'une de ses éditions après la première (${[...changes.keys()].map((e) => `v${e}`).join(', ') || 'aucune'})`);
    if (!('dataset' in n.figure)) return; // Indicator values are computed by DuckDB: see the report of issue 15.
    if (notices.findIndex((m) => m.edition === n.edition && sameFigure(m.figure, n.figure)) < i)
      return error(['figure'], `deuxième avis de révision pour la même valeur de l'édition v${n.edition} : gardez-en un`);
    const match = changed.find((c) => sameFigure(c.figure, n.figure));
    if (!match) {
      const list = changed.map((c) => describeChange(c)).join(' ; ') || 'aucune';
      return error(['figure'], `cet avis ne désigne aucune valeur modifiée par l'édition v${n.edition} : attendu le jeu de données, la ligne (ses colonnes clés) et la colonne d'une valeur modifiée ; valeurs modifiées : ${list}`);
    }
    for (const side of ['before', 'after'] as const)
      if (String(n[side]) !== String(match[side] ?? null))
        error([side], `${side === 'before' ? 'ancienne' : 'nouvelle'} valeur ${quote(formatCell(match.figure.field, n[side]))} : les données de l'édition ${side === 'before' ? `v${n.edition - 1}` : `v${n.edition}`} disent ${quote(formatCell(match.figure.field, match[side]))} ; corrigez l'avis`);
  });
}

/** Every report's notices against its editions; an issue per missing, stray or wrong notice. */
export function checkRevisions(catalog: Catalog, dataRoot: string): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const report of catalog.reports) {
    const editions = editionsOf(catalog, report);
    const file = revisionsPath(report.id, dataRoot);
    const { json, notices } = readRevisions(file, issues);
    const changes = new Map(editions.slice(1).map((e, i) => [e.edition.number, changedValues(editions[i]!, e)]));
    if (json) checkNotices(notices, changes, json.locate, json.file, issues);
    for (const edition of editions.slice(1))
      for (const c of changes.get(edition.edition.number)!) {
        if (notices.some((n) => n.edition === edition.edition.number && sameFigure(n.figure, c.figure))) continue;
        const released = edition.edition.released;
        issues.push({
          file: c.file,
          line: c.line,
          column: c.column,
          severity: released ? 'warning' : 'error',
          message:
            `valeur modifiée par l'édition v${edition.edition.number} ${MISSING} (${describeChange(c)}) : ` +
            `${released ? 'ajoutez' : "avant de publier l'édition, écrivez"} son avis dans ${displayPath(file)} (type, raison, effet sur les conclusions ; CONTRIBUTING.md), par exemple ${noticeTemplate(edition.edition.number, c)}`,
        });
      }
  }
  return issues;
}
