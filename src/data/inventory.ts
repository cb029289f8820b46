/**
 * The inventory of the seed reports' quantitative items (docs/inventory.json) against the
 * datasets that transcribe them (`cep.item` of each resource).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from './catalog.ts';

export interface InventoryItem {
  id: string;
  title: string;
}

export function inventoryItems(): InventoryItem[] {
  return (JSON.parse(readFileSync(path.join(process.cwd(), 'docs/inventory.json'), 'utf8')) as { items: InventoryItem[] }).items;
}

/** Item id → `report/resource` of the datasets holding it. */
export function datasetsByItem(catalog: Catalog): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const report of catalog.reports)
    for (const resource of report.package.resources) {
      const item = resource.cep?.item;
      if (item) map.set(item, [...(map.get(item) ?? []), `${report.id}/${resource.name}`]);
    }
  return map;
}

export function inventoryTable(catalog: Catalog): string {
  const byItem = datasetsByItem(catalog);
  const lines = ['| item | contenu | jeux de données |', '|---|---|---|'];
  for (const item of inventoryItems())
    lines.push(`| ${item.id} | ${item.title} | ${byItem.get(item.id)?.map((d) => `\`${d}\``).join(', ') ?? '**manquant**'} |`);
  return `${lines.join('\n')}\n`;
}
