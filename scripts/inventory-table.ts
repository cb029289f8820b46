/**
 * npm run docs:inventory: rewrites, in docs/DATA.md, the table of every INVENTORY item and the
 * datasets that hold it (from each resource's `cep.item`). `--check` only says whether the
 * table is current (used by the tests).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { inventoryTable } from '../src/data/inventory.ts';
import { loadCatalog } from '../src/data/catalog.ts';

const DOC = 'docs/DATA.md';
const START = '<!-- inventory:start -->';
const END = '<!-- inventory:end -->';

const doc = readFileSync(DOC, 'utf8');
const [before, rest] = doc.split(START);
const after = rest?.split(END)[1];
if (before === undefined || after === undefined) throw new Error(`${DOC}: markers ${START} … ${END} not found`);
const updated = `${before}${START}\n${inventoryTable(loadCatalog())}${END}${after}`;
if (process.argv.includes('--check')) {
  if (updated !== doc) {
    console.error(`${DOC} : le tableau de l'inventaire n'est pas à jour ; lancez npm run docs:inventory`);
    process.exit(1);
  }
} else writeFileSync(DOC, updated);
