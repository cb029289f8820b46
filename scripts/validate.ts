/**
 * npm run validate: checks every file under data/ (or CEP_DATA_DIR) and prints each problem as
 * `file:line:column: message`. Exit code 1 when the data cannot be published.
 * `--released`: also an error for an edition not yet released (the public site's deployment,
 * which must show frozen editions only; previews and local builds show them with a banner).
 * `--base <git-ref>`: also an error for any change to an edition released on that ref (the
 * pull-request job: src/editions/base-check.ts); exit 2 when the ref cannot be read.
 */
import path from 'node:path';
import { formatIssue, type DataIssue } from '../src/data/issues.ts';
import { readJsonFile } from '../src/data/json-file.ts';
import { contentDir, dataDir, displayPath } from '../src/data/paths.ts';
import { checkAgainstBase } from '../src/editions/base-check.ts';
import { findToFill, remainingLine } from '../src/editor/to-fill.ts';
import { ArgumentError, readArguments } from '../src/editor/arguments.ts';
import { validateAll } from '../src/editor/editions.ts';
import { checkIndicators } from '../src/indicators/check.ts';
import { inspectIndicators } from '../src/indicators/catalogue.ts';
import { inspectEssentiel } from '../src/essentiel/file.ts';

const USAGE = 'Usage : npm run validate [-- --released] [-- --base <référence git>]';
let options: { released?: boolean; base?: string };
try {
  const parsed = readArguments(process.argv.slice(2), { released: { type: 'boolean' }, base: { type: 'string' } });
  if (parsed.positionals.length > 0) throw new ArgumentError(`argument inattendu « ${parsed.positionals[0]} »`);
  options = parsed.values;
} catch (error) {
  if (!(error instanceof ArgumentError)) throw error;
  console.error(`${error.message}\n${USAGE}`);
  process.exit(2);
}
const releasedOnly = options.released ?? false;

// The released editions of the base branch, unchanged (before the rest: an unreadable ref stops here).
let baseIssues: DataIssue[] = [];
if (options.base !== undefined) {
  const base = await checkAgainstBase(options.base, { data: dataDir(), content: contentDir() });
  if ('problem' in base) {
    console.error(`${base.problem}\n${USAGE}`);
    process.exit(2);
  }
  baseIssues = base.issues;
}

// The data, then the chapters against it.
const validated = validateAll();
const { catalog } = validated;
// What editions in preparation still lack (À COMPLÉTER, empty datasets): warnings, listed last.
const toFill = findToFill().filter((e) => e.issues.length > 0);
// The indicators (their SQL, the printed figures they compute, the released values): DuckDB.
const indicatorIssues = catalog ? await checkIndicators(catalog) : [];
// The key points of the report homes (content/essentiel.json) against the indicator catalogue.
const essentielIssues = inspectEssentiel(inspectIndicators().catalogue).issues;
// The glossary: Astro's loader reads it leniently; strict here (UTF-8, no key twice, valid JSON).
readJsonFile(path.join(contentDir(), 'glossaire.json'), essentielIssues);
const issues = [...baseIssues, ...validated.issues, ...indicatorIssues, ...essentielIssues, ...toFill.flatMap((e) => e.issues)];
if (releasedOnly)
  for (const e of catalog?.editions.filter((x) => !x.edition.released) ?? [])
    issues.push({
      file: displayPath(path.join(dataDir(), 'reports', e.editionId, 'report.json')),
      line: 1,
      column: 1,
      severity: 'error',
      message: `l'édition v${e.edition.number} de ${e.id} est en préparation : le site public ne montre que des éditions publiées et figées ; publiez-la (npm run release -- ${e.region.slug} ${e.year}) ou gardez-la sur une branche`,
    });
for (const issue of issues) (issue.severity === 'error' ? console.error : console.warn)(formatIssue(issue));
const errors = issues.filter((i) => i.severity === 'error').length;
if (!catalog || errors > 0) {
  console.error(`\n${errors} erreur(s) : rien ne sera publié tant qu'elles ne sont pas corrigées.`);
  for (const edition of toFill) console.error(remainingLine(edition));
  process.exit(1);
}
const resources = catalog.reports.reduce((n, r) => n + r.resources.size, 0);
console.log(
  `Données valides (${dataDir()}) : ${catalog.reports.length} rapport(s), ${resources} jeu(x) de données, ${catalog.reference.size} référentiel(s), ${issues.length} avertissement(s).`,
);
for (const edition of toFill) console.log(remainingLine(edition));
