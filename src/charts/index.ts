import { entriesByOperator } from './entries-by-operator.ts';
import type { ChartSpec } from './spec.ts';

export const charts: Record<string, ChartSpec> = {
  [entriesByOperator.id]: entriesByOperator,
};

export function getChart(id: string): ChartSpec {
  const chart = charts[id];
  if (!chart) throw new Error(`Graphique inconnu « ${id} » : attendu ${Object.keys(charts).join(', ')}`);
  return chart;
}
