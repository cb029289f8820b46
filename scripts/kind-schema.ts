/**
 * npm run kind-schema -- <kind>: prints the Table Schema of a standard dataset kind, ready to be
 * pasted into a resource of a report's datapackage.json.
 */
import { datasetKinds, kinds, type DatasetKind } from '../src/data/kinds.ts';

const kind = process.argv[2] as DatasetKind | undefined;
if (!kind || !datasetKinds.includes(kind) || kind === 'free') {
  console.error(`Usage : npm run kind-schema -- <type>, type parmi : ${datasetKinds.filter((k) => k !== 'free').join(', ')}`);
  process.exit(1);
}
const { fields, primaryKey, foreignKeys } = kinds[kind];
console.log(JSON.stringify({ fields, primaryKey, ...(foreignKeys.length ? { foreignKeys } : {}) }, null, 2));
