/**
 * npm run add-dataset -- <region-slug> <year> <name> <file.csv>: adds a `free` dataset, read from
 * a CSV as a spreadsheet exports it, to the edition in preparation of a report
 * (src/editor/add-dataset.ts). Refuses (exit 2) a released edition, a bad or taken name.
 */
import { addDataset } from '../src/editor/add-dataset.ts';
import { EditorError, runCommand } from '../src/editor/editions.ts';
import { ArgumentError, readArguments } from '../src/editor/arguments.ts';

const USAGE =
  'Usage : npm run add-dataset -- <région> <année> <nom> <fichier.csv>, par exemple npm run add-dataset -- bretagne 2024 lieux_accueil lieux.csv';

runCommand(() => {
  let positionals: string[];
  try {
    positionals = readArguments(process.argv.slice(2), {}).positionals;
  } catch (error) {
    if (error instanceof ArgumentError) throw new EditorError(error.message, [USAGE]);
    throw error;
  }
  if (positionals.length !== 4) throw new EditorError('attendu une région, une année, un nom de jeu de données et un fichier CSV', [USAGE]);
  const [slug, year, name, file] = positionals as [string, string, string, string];
  return addDataset(slug, year, name, file);
});
