/**
 * When a sum of the explorer means something (issue 14): only the counts the view's kind
 * declares additive (data/kinds.ts), over rows that do not nest — never a territory with one that
 * contains it, never several years, never reports of different years, never the same key twice
 * — and never across a key field the kind does not declare disjoint. Each rule is a check that
 * both executors compute as a flag per group (and for the total); a raised flag leaves the sums
 * out, and its French reason is shown in their place.
 */
import type { TablePlan } from './plan.ts';
import type { Result, ResultRow } from './render.ts';
import type { ExplorerView } from './views.ts';

/** The column of a grouped result that says why a group has no sums. */
export const WHY_COLUMN = 'sommes';

export type SumCheck =
  | { kind: 'mixed'; field: string; title: string; flag: string }
  | { kind: 'nested'; field: 'territory'; wide: string[]; flag: string }
  | { kind: 'reportYears'; field: 'report'; flag: string }
  | { kind: 'repeated'; key: string[]; flag: string };

/** The checks a sum over rows of `view` grouped by `group` must pass (none: no sums at all). */
export function sumChecks(view: ExplorerView, group: string[]): SumCheck[] {
  const sums = view.sums;
  if (!sums) return [];
  const has = (name: string) => view.fields.some((f) => f.name === name);
  const checks: SumCheck[] = [];
  for (const name of sums.key)
    if (has(name) && !group.includes(name) && !sums.over.includes(name))
      checks.push({ kind: 'mixed', field: name, title: view.fields.find((f) => f.name === name)!.title, flag: `_mixed_${name}` });
  if (has('territory') && !group.includes('territory')) checks.push({ kind: 'nested', field: 'territory', wide: sums.wideTerritories, flag: '_nested' });
  if (has('report') && !group.includes('report')) checks.push({ kind: 'reportYears', field: 'report', flag: '_report_years' });
  const key = sums.key.filter(has);
  if (key.length && !key.every((k) => group.includes(k))) checks.push({ kind: 'repeated', key, flag: '_repeated' });
  return checks;
}

/** The year of a report id (`<region>/<year>`). */
export const reportYear = (report: string) => report.split('/')[1] ?? '';

function reason(check: SumCheck): string {
  switch (check.kind) {
    case 'mixed':
      return check.field === 'year' ? 'plusieurs années' : `plusieurs valeurs de «\u00a0${check.title}\u00a0»`;
    case 'nested':
      return 'un territoire et un territoire qui le contient';
    case 'reportYears':
      return 'des rapports d’années différentes';
    case 'repeated':
      return 'un même chiffre donné par plusieurs rapports';
  }
}

/** Why a row (a group, or the total) has no sums, in French; undefined when it has them. */
export function whyNoSums(checks: SumCheck[], row: Record<string, unknown>, declared: boolean): string | undefined {
  if (!declared) return 'ce tableau ne déclare aucune colonne qui s’additionne';
  const raised = checks.filter((c) => row[c.flag] === true);
  return raised.length ? `les lignes mêlent ${raised.map(reason).join(', ')}` : undefined;
}

/** « Pas de total : … » for the total row, or undefined when the total is there. */
export function totalsNote(plan: TablePlan, totals: ResultRow, view: ExplorerView): string | undefined {
  const why = whyNoSums(plan.totalChecks, totals, !!view.sums);
  return why && `Pas de total : ${why}.`;
}

/** Each group without sums says why in the plan's « Sommes » column. */
export function withSumNotes(result: Result, plan: TablePlan, view: ExplorerView): Result {
  if (!result.columns.some((c) => c.name === WHY_COLUMN)) return result;
  const note = (row: ResultRow) => {
    const why = whyNoSums(plan.groupChecks, row, !!view.sums);
    return why ? `Pas de somme : ${why}.` : '';
  };
  const rows = result.rows.map((row) => ({ ...row, [WHY_COLUMN]: note(row) }));
  // Every group summed: no empty column.
  if (rows.every((row) => row[WHY_COLUMN] === '')) return { ...result, columns: result.columns.filter((c) => c.name !== WHY_COLUMN) };
  return { ...result, rows };
}
