/**
 * Picking rows of an indicator's result: a component gives a value for each dimension it cares
 * about (territory and year default to the report's). Errors name what exists, so that an
 * editor can correct a chapter without reading the data files.
 */
import { quote } from '../data/issues.ts';
import { variationRefusal } from './breaks.ts';
import { DEFAULTED, type IndicatorDefinition, type IndicatorRow } from './model.ts';

export type Selection = Record<string, string | number>;

const matches = (row: IndicatorRow, selection: Selection) => Object.entries(selection).every(([k, v]) => String(row[k]) === String(v));

/** Unknown selector names are errors: they would otherwise silently select nothing. */
export function checkSelectors(indicator: IndicatorDefinition, selection: Selection, what: string): void {
  for (const key of Object.keys(selection))
    if (!indicator.dimensions.includes(key))
      throw new Error(
        `${what} : attribut ${quote(key)} inconnu pour l'indicateur ${quote(indicator.id)} ; attendu ${indicator.dimensions.length ? indicator.dimensions.join(', ') : "aucun (l'indicateur n'a qu'une valeur)"}`,
      );
}

/** The selection with the report's region and year where the indicator has those dimensions. */
export function withDefaults(indicator: IndicatorDefinition, selection: Selection, report: { region: { code: string }; year: number }): Selection {
  const defaults: Selection = { territory: report.region.code, year: report.year };
  const out: Selection = {};
  for (const d of DEFAULTED) if (indicator.dimensions.includes(d)) out[d] = defaults[d]!;
  return { ...out, ...selection };
}

export function selectRows(rows: IndicatorRow[], selection: Selection): IndicatorRow[] {
  return rows.filter((row) => matches(row, selection));
}

/**
 * What exists for each dimension, narrowing in the order of the dimensions: every territory,
 * the years of the territory asked for, the operators of that territory and year…
 */
export function choices(indicator: IndicatorDefinition, rows: IndicatorRow[], selection: Selection): string {
  const listed = indicator.dimensions.map((d, k) => {
    const before = Object.fromEntries(indicator.dimensions.slice(0, k).filter((x) => x in selection).map((x) => [x, selection[x]!]));
    const values = [...new Set(rows.filter((r) => matches(r, before)).map((r) => String(r[d])))];
    const shown = values.length > 12 ? `${values.slice(0, 12).join(', ')}, … (${values.length} en tout)` : values.join(', ');
    return `${d} : ${shown || 'aucune valeur'}`;
  });
  return listed.join(' ; ');
}

/** Exactly one row, or an error listing the valid choices. */
export function selectOne(indicator: IndicatorDefinition, rows: IndicatorRow[], selection: Selection, what: string): IndicatorRow {
  const found = selectRows(rows, selection);
  if (found.length === 1) return found[0]!;
  const refused = found.length === 0 && variationRefusal(indicator, selection);
  if (refused) throw new Error(`${what} : valeur non calculée. ${refused}`);
  const asked = Object.entries(selection).map(([k, v]) => `${k}=${quote(String(v))}`).join(', ');
  throw new Error(
    `${what} : ${found.length} valeur(s) pour ${asked || 'aucun critère'}, une seule attendue ; ${found.length === 0 ? 'valeurs possibles' : 'précisez'} — ${choices(indicator, rows, selection)}`,
  );
}
