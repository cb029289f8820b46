import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/catalog.ts';
import { datasetsByItem, inventoryItems, inventoryTable } from '../../src/data/inventory.ts';

const catalog = loadCatalog();

describe('INVENTORY of the seed reports', () => {
  it('every item is held by at least one dataset', () => {
    const byItem = datasetsByItem(catalog);
    expect(inventoryItems().filter((item) => !byItem.has(item.id)).map((i) => i.id)).toEqual([]);
  });

  it('every dataset names a known item', () => {
    const known = new Set(inventoryItems().map((i) => i.id));
    expect([...datasetsByItem(catalog).keys()].filter((id) => !known.has(id))).toEqual([]);
  });

  it('the table in docs/DATA.md is current', () => {
    const doc = readFileSync('docs/DATA.md', 'utf8');
    expect(doc).toContain(`<!-- inventory:start -->\n${inventoryTable(catalog)}<!-- inventory:end -->`);
  });
});
