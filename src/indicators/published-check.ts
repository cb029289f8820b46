/**
 * Where a report prints a figure that an indicator computes (a share, a rate, a total), both
 * must agree at the precision printed. A disagreement is an error, unless one of the report's
 * rules already records it as a known discrepancy of the source (then readers are told, as for
 * every rule): the editor either corrects a typing error or declares what the source says.
 */
import type { Report } from '../data/catalog.ts';
import { quote, type DataIssue } from '../data/issues.ts';
import { decimalsOf, formatPublished, formatValue } from '../format/number.ts';
import { readsKind, type IndicatorDefinition, type IndicatorRow } from './model.ts';

/** Agrees when the computed value rounds to the printed one (half a unit of its last digit). */
export function agrees(value: number, published: number, decimals = decimalsOf(published)): boolean {
  return Math.abs(value - published) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** A known discrepancy of the report whose checked cell is this published figure. */
function isKnown(report: Report, indicator: IndicatorDefinition, row: IndicatorRow): boolean {
  const field = indicator.published!.field;
  const ours = new Set([...report.resources.values()].filter((r) => readsKind(indicator, r.descriptor.cep?.kind)).map((r) => r.descriptor.name));
  return (report.package.cep?.rules ?? []).some((rule) => {
    if (!rule.knownDiscrepancy || !('value' in rule)) return false;
    const selector = rule.value;
    const fields = Array.isArray(selector.field) ? selector.field : [selector.field];
    if (!ours.has(selector.resource) || !fields.includes(field)) return false;
    return Object.entries(selector.where ?? {}).every(
      ([k, v]) => !(k in row) || typeof v === 'object' || (typeof v === 'string' && v.startsWith('$')) || String(row[k]) === String(v),
    );
  });
}

/** The printed cell, located in the dataset it comes from. */
function locate(report: Report, indicator: IndicatorDefinition, row: IndicatorRow): { file: string; line: number; column: number } {
  const field = indicator.published!.field;
  for (const resource of report.resources.values()) {
    if (!readsKind(indicator, resource.descriptor.cep?.kind)) continue;
    const { table } = resource;
    const i = table.rows.findIndex((r) => indicator.dimensions.every((d) => !(d in r) || String(r[d]) === String(row[d])) && r[field] === row.published);
    if (i >= 0) return { file: table.file, line: table.lines[i]!, column: table.columnOf(field) };
  }
  return { file: report.editionId, line: 1, column: 1 };
}

export function checkPublished(report: Report, indicator: IndicatorDefinition, rows: IndicatorRow[]): DataIssue[] {
  if (!indicator.published) return [];
  const issues: DataIssue[] = [];
  for (const row of rows) {
    const { value, published } = row;
    if (typeof value !== 'number' || typeof published !== 'number') continue;
    if (agrees(value, published, indicator.published.decimals) || isKnown(report, indicator, row)) continue;
    const where = indicator.dimensions.map((d) => `${d}=${String(row[d])}`).join(', ');
    const counts = typeof row.numerator === 'number' && typeof row.denominator === 'number' ? ` (${formatValue(row.numerator, 'count')} / ${formatValue(row.denominator, 'count')})` : '';
    issues.push({
      ...locate(report, indicator, row),
      severity: 'error',
      message: `le chiffre publié ${formatPublished(published)} (${indicator.published.field}, ${where}) ne correspond pas à l'indicateur ${quote(indicator.id)} calculé à partir des effectifs : ${formatValue(value, indicator.unit, 3)}${counts} ; corrigez la saisie, ou, si la source se contredit, déclarez l'écart par une règle avec « knownDiscrepancy » (CONTRIBUTING.md)`,
    });
  }
  return issues;
}
