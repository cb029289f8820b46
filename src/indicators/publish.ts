/**
 * The indicator catalogue as published with the site (/donnees/indicateurs.json): what a
 * partner needs to recompute every figure, in French.
 */
import { kinds } from '../data/kinds.ts';
import { kindTable } from '../engine/kind-tables.ts';
import type { IndicatorCatalogue, Unit } from './model.ts';

export const unitLabels: Record<Unit, string> = {
  count: 'effectif',
  percent: 'pourcentage',
  variation: 'variation en pourcentage (signée)',
  points: 'écart en points de pourcentage (signé)',
  index: 'indice (base 100)',
};

export function publishedCatalogue({ indicators, views, breaks }: IndicatorCatalogue) {
  return {
    title: 'Indicateurs des rapports CEP',
    description:
      "Chaque indicateur est calculé par DuckDB à partir des jeux de données d'un rapport (Data Package), par la requête SQL donnée. La requête lit une table par type de jeu de données (tables), qui réunit les jeux de données du rapport de ce type ; les colonnes du résultat sont ses dimensions et value. Les ruptures de série (seriesBreaks) disent à partir de quelle année les valeurs ne se comparent plus aux précédentes : aucune variation n'est calculée à travers une rupture (compares : les deux années qu'une variation compare).",
    licenses: [{ name: 'etalab-2.0', title: 'Licence Ouverte / Open Licence 2.0' }],
    tables: Object.fromEntries(
      Object.entries(kinds)
        .filter(([kind]) => kind !== 'free')
        .map(([kind, k]) => [kindTable(kind), { kind, title: k.title, fields: k.fields.map((f) => f.name), primaryKey: k.primaryKey }]),
    ),
    views: views.map((v) => ({ name: v.name, description: v.description, sql: v.sql })),
    seriesBreaks: breaks.map((b) => ({ id: b.id, year: b.year, cause: b.cause, label: b.label, explanation: b.explanation })),
    indicators: indicators.map((i) => ({
      id: i.id,
      label: i.label,
      family: i.family,
      unit: i.unit,
      unitLabel: unitLabels[i.unit],
      decimals: i.decimals,
      definition: i.definition,
      definitionVersion: i.definitionVersion,
      ...(i.breaks.length ? { seriesBreaks: i.breaks.map((b) => ({ id: b.id, where: b.where })) } : {}),
      ...(i.compares ? { compares: i.compares } : {}),
      datasets: i.reads,
      tables: i.reads.map(kindTable),
      dimensions: i.dimensions,
      ...(i.published ? { published: i.published } : {}),
      sql: i.sql,
    })),
  };
}
