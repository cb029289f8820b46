/**
 * Every indicator, defined once. The same SQL text runs in DuckDB at build time (Node), in the
 * browser (DuckDB-WASM) and in the tests; it reads the tables named after the datasets of one
 * report. Parameters are bound positionally (`?`), in the order of `params`, never spliced in.
 * Results are cast so that both engines return plain numbers.
 */
import type { Unit } from '../format/number.ts';

export interface IndicatorDefinition {
  id: string;
  /** French label, as shown to readers. */
  label: string;
  unit: Unit;
  /** French definition, published on the methodology page. */
  definition: string;
  /** The dataset (resource name) the SQL reads. */
  dataset: string;
  /** Query parameters, bound in this order to the `?` of the SQL. */
  params: readonly string[];
  /** Columns that tell the result rows apart (besides `value`). */
  dimensions: readonly string[];
  sql: string;
}

export const indicators = [
  {
    id: 'cep-entries-total',
    label: 'Nouvelles entrées en CEP',
    unit: 'count',
    definition:
      "Nombre de personnes ayant commencé un conseil en évolution professionnelle dans l'année, tous opérateurs confondus, sur le territoire.",
    dataset: 'cep_entries',
    params: ['territory', 'year'],
    dimensions: [],
    sql: `SELECT SUM(entries)::INTEGER AS value
FROM cep_entries
WHERE territory = ? AND year = ? AND operator <> 'ensemble'`,
  },
  {
    id: 'cep-entries-share',
    label: "Part de l'opérateur dans les nouvelles entrées en CEP",
    unit: 'percent',
    definition:
      "Nouvelles entrées en CEP enregistrées par l'opérateur, rapportées à l'ensemble des nouvelles entrées du territoire, en pourcentage. Calculée à partir des effectifs, arrondie pour l'affichage seulement.",
    dataset: 'cep_entries',
    params: ['territory', 'year'],
    dimensions: ['operator'],
    sql: `SELECT operator,
  entries::INTEGER AS entries,
  (100.0 * entries / SUM(entries) OVER ())::DOUBLE AS value
FROM cep_entries
WHERE territory = ? AND year = ? AND operator <> 'ensemble'
ORDER BY entries DESC, operator`,
  },
  {
    id: 'cep-entries-reported-gap',
    label: 'Écart relevé par le réseau de l\'opérateur',
    unit: 'count',
    definition:
      "Entrées en CEP supplémentaires que le réseau de l'opérateur relève dans son propre système d'information par rapport à AGORA. Non disponible quand le réseau n'a pas publié d'écart.",
    dataset: 'cep_entries',
    params: ['territory', 'year'],
    dimensions: ['operator'],
    sql: `SELECT operator, reported_gap::INTEGER AS value
FROM cep_entries
WHERE territory = ? AND year = ? AND operator <> 'ensemble'
ORDER BY operator`,
  },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorId = (typeof indicators)[number]['id'];

export function getIndicator(id: string): IndicatorDefinition {
  const found = indicators.find((i) => i.id === id);
  if (!found) throw new Error(`Indicateur inconnu « ${id} » : attendu ${indicators.map((i) => i.id).join(', ')}`);
  return found;
}

/** Parameter values in SQL order; a missing one is an error, not a NULL. */
export type ParamValues = Record<string, string | number>;

export function bindParams(indicator: IndicatorDefinition, values: ParamValues): (string | number)[] {
  return indicator.params.map((p) => {
    const v = values[p];
    if (v === undefined) throw new Error(`Indicateur « ${indicator.id} » : paramètre « ${p} » manquant`);
    return v;
  });
}

export type IndicatorRow = Record<string, string | number | null> & { value: number | null };
