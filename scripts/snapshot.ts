/**
 * npm run snapshot: writes the computed indicator values of the released editions that have
 * none yet into their report's indicators.lock.json (editions released before the snapshot
 * existed). Never rewrites a value already frozen: npm run validate compares against it.
 */
import { loadCatalog } from '../src/data/catalog.ts';
import { snapshotReleased } from '../src/indicators/check.ts';

const written = await snapshotReleased(loadCatalog());
console.log(written.length ? `Valeurs des indicateurs figées pour : ${written.join(', ')}.` : 'Toutes les éditions publiées ont déjà leurs valeurs figées.');
