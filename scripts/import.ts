/**
 * npm run import -- <source.csv> <cible.csv> [--set champ=valeur]… [--map "libellé=code"]…
 * [--measure champ] [--dry-run]: turns a table laid out as in a report or a spreadsheet into
 * the tidy rows of one dataset of a report edition (src/editor/import.ts, docs/IMPORT.md).
 * Writes nothing unless every cell and label was read: exit 1 on problems, 2 on bad arguments.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runImport, type ImportOptions } from '../src/editor/import.ts';
import { formatIssue } from '../src/data/issues.ts';
import { ArgumentError, readArguments } from '../src/editor/arguments.ts';

export const USAGE = `Usage : npm run import -- <source.csv> <cible.csv> [--set champ=valeur]… [--map "libellé=code"]… [--measure champ] [--dry-run]

  <source.csv>  le tableau à importer, enregistré depuis le tableur en CSV (séparateur « ; », « , »
                ou tabulation ; UTF-8 ou Windows-1252 ; nombres à la française : 12 479, 80,9 %)
  <cible.csv>   le fichier d'un jeu de données d'une édition de rapport,
                ex. data/reports/<région>/<année>/v1/cep_entries.csv

  --set champ=valeur    fixe un champ que le tableau ne donne pas (ex. --set population=cep-entries)
  --map "libellé=code"  lit ce libellé comme ce code (ex. --map "CIBC=operateur-regional")
  --measure champ       le champ que contiennent les cellules (ex. --measure share)
  --dry-run             affiche les lignes sans rien écrire

Mode d'emploi : docs/IMPORT.md`;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

type Parsed = { source: string; target: string; options: ImportOptions; dryRun: boolean } | { usage: string } | { help: true };

export function parseArgs(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = readArguments(argv, {
      set: { type: 'string', multiple: true },
      map: { type: 'string', multiple: true },
      measure: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (error) {
    if (error instanceof ArgumentError) return { usage: error.message };
    throw error;
  }
  const { values, positionals: positional } = parsed;
  if (values.help) return { help: true };
  const options: ImportOptions = { set: [], map: [] };
  for (const option of ['set', 'map'] as const)
    for (const value of values[option] ?? []) {
      const i = value.indexOf('=');
      if (i <= 0) return { usage: `--${option} attend ${option === 'set' ? 'champ=valeur' : '"libellé=code"'}, reçu ${value}` };
      options[option]!.push([value.slice(0, i).trim(), value.slice(i + 1).trim()]);
    }
  if (values.measure !== undefined) options.measure = values.measure;
  const dryRun = values['dry-run'] ?? false;
  if (positional.length !== 2) return { usage: positional.length < 2 ? 'il faut un fichier source et un fichier cible' : `trop d'arguments : ${positional.slice(2).join(' ')}` };
  const [source, target] = positional as [string, string];
  if (!existsSync(source)) return { usage: `fichier source introuvable : ${source}` };
  if (!target.endsWith('.csv')) return { usage: `la cible doit être le fichier CSV d'un jeu de données, reçu ${target}` };
  if (!existsSync(path.join(path.dirname(target), 'datapackage.json')))
    return { usage: `${target} n'est pas dans le dossier d'une édition de rapport (pas de datapackage.json à côté) : attendu data/reports/<région>/<année>/v<N>/<jeu>.csv` };
  return { source, target, options, dryRun };
}

/** The command; returns its exit code (0 done, 1 problems and nothing written, 2 bad arguments). */
export function main(argv: string[], io: Io = { out: (l) => console.log(l), err: (l) => console.error(l) }): number {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    io.out(USAGE);
    return 0;
  }
  if ('usage' in parsed) {
    io.err(`Erreur : ${parsed.usage}.\n\n${USAGE}`);
    return 2;
  }
  const result = runImport(parsed.source, parsed.target, { ...parsed.options, dryRun: parsed.dryRun });
  for (const p of result.problems) io.err(formatIssue(p));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0 || !result.bytes || !result.target) {
    io.err(`\n${errors} erreur(s) : rien n'a été écrit dans ${parsed.target}.`);
    return 1;
  }
  for (const note of result.notes) io.out(note);
  if (parsed.dryRun) {
    io.out(`\n--dry-run : ${result.rows.length} ligne(s) qui seraient écrites dans ${result.target.file} :\n`);
    const encoding = result.target.resource.encoding ?? 'utf-8';
    io.out(new TextDecoder(encoding === 'utf-8-sig' ? 'utf-8' : encoding).decode(result.bytes).replace(/\n$/, ''));
    return 0;
  }
  const file = result.target.absolute;
  const unchanged = existsSync(file) && readFileSync(file).equals(result.bytes);
  // Written beside, then renamed: the dataset is never left half-written.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.import`);
  try {
    writeFileSync(temporary, result.bytes);
    renameSync(temporary, file);
  } catch (e) {
    rmSync(temporary, { force: true });
    io.err(`écriture impossible de ${result.target.file} : ${(e as Error).message}`);
    return 1;
  }
  io.out(`\n${result.rows.length} ligne(s) écrite(s) dans ${result.target.file}${unchanged ? ' (contenu identique au fichier précédent)' : ''}.`);
  io.out('Vérifiez maintenant l\u2019ensemble des données : npm run validate');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exit(main(process.argv.slice(2)));
