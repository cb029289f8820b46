/**
 * LISEZMOI.md, the French guide inside an edition's archive, written from the metadata only:
 * what each file holds (title, rows, columns with their titles, unit), the licence, how to cite
 * the edition, and what it changed. Nothing in it depends on the day of the build or on later
 * editions, so that a frozen edition's archive never changes.
 */
import type { Catalog, Report, Resource } from './catalog.ts';
import type { FieldType } from './descriptors.ts';
import { editionText, releaseText } from './editions.ts';
import { codedFields, referencedResources } from './publish.ts';
import { archiveName, folderFile, README_FILE } from './published-files.ts';
import { formatInteger, NBSP } from '../format/number.ts';
import { LICENCE } from '../print/cover.ts';

/** Where the edition lives online: its permanent page and its data folder. */
export interface EditionUrls {
  page: string;
  data: string;
}

const TYPES: Record<FieldType, string> = { string: 'texte', integer: 'entier', number: 'nombre', date: 'date', boolean: 'booléen' };
// French typography: a no-break space before « : » and « ; », inside guillemets.
const colon = `${NBSP}:`;
const quoted = (text: string) => `«${NBSP}${text}${NBSP}»`;
const rows = (n: number) => `${formatInteger(n)}${NBSP}ligne${n > 1 ? 's' : ''}`;

const sentence = (text: string) => (/[.!?…»]$/.test(text) ? text : `${text}.`);

/** `labelled`: the dataset is also published with labels beside its codes. */
function columns(resource: Resource, labelled: boolean): string[] {
  const coded = new Set(labelled ? codedFields(resource) : []);
  return resource.descriptor.schema.fields.map((f) => {
    const label = coded.has(f.name) ? `Son libellé dans \`${f.name}_libelle\` (fichiers avec libellés)` : undefined;
    const said = [f.title, f.description, label].filter((t): t is string => Boolean(t)).map(sentence);
    return `- \`${f.name}\` (${TYPES[f.type]})${colon} ${said.join(' ') || f.name}`;
  });
}

function dataset(resource: Resource): string[] {
  const { name, title, sources = [] } = resource.descriptor;
  const meta = resource.descriptor.cep;
  const files = (['labelled', 'excel', 'parquet', 'plain'] as const).map((v) => `\`${folderFile(name, v)}\``).join(', ');
  return [
    `### ${title}`,
    '',
    `Fichiers${colon} ${files}. ${rows(resource.table.rows.length)}.`,
    ...(meta ? ['', `Unité${colon} ${meta.unit}. Champ${colon} ${sentence(meta.champ)}`] : []),
    ...(sources.length ? ['', `Sources${colon} ${sources.map((s) => s.title).join(`${NBSP}; `)}.`] : []),
    '',
    `Colonnes${colon}`,
    '',
    ...columns(resource, true),
    ...[...(meta?.notes ?? []), ...(meta?.technicalNotes ?? [])].flatMap((note) => ['', `Note${colon} ${note}`]),
    '',
  ];
}

function reference(resource: Resource): string[] {
  const { name, title } = resource.descriptor;
  return [`### ${title}`, '', `Fichier${colon} \`${folderFile(name, 'plain')}\`. ${rows(resource.table.rows.length)}.`, '', `Colonnes${colon}`, '', ...columns(resource, false), ''];
}

export function editionReadme(catalog: Catalog, report: Report, urls: EditionUrls): string {
  const { meta, edition } = report;
  const citation = `${meta.author}, ${quoted(meta.title)}, ${editionText(edition)}, données sous Licence Ouverte 2.0, ${urls.page}`;
  return [
    `# ${meta.title} — données`,
    '',
    `${meta.author}. ${meta.publication}. Édition v${edition.number}, ${releaseText(edition)}.`,
    '',
    `Cette archive (${archiveName(report)}) contient toutes les données de l’édition v${edition.number} du rapport.`,
    `Adresse permanente de cette édition${colon} ${urls.page}`,
    `Les mêmes fichiers en ligne${colon} ${urls.data}`,
    '',
    '## Ce que change cette édition',
    '',
    edition.changes,
    '',
    '## Licence',
    '',
    `${LICENCE.text}, ${LICENCE.href}${colon} vous pouvez réutiliser ces données librement, y compris à des fins commerciales, en mentionnant leur source (le rapport, son éditeur et l’édition).`,
    '',
    '## Citer ces données',
    '',
    citation,
    '',
    '## Les fichiers',
    '',
    `- \`${README_FILE}\`${colon} ce guide.`,
    `- \`datapackage.json\`${colon} la description normalisée (Frictionless Data Package v2) des fichiers CSV de référence${colon} colonnes, types, clés, nomenclatures.`,
    `- Pour chaque tableau du rapport, quatre fichiers${colon}`,
    `  - \`<nom>-libelles.csv\`${colon} chaque colonne de codes suivie de son libellé (\`<colonne>_libelle\`)${NBSP}; UTF-8, virgule, point décimal${NBSP};`,
    `  - \`<nom>-excel.csv\`${colon} le même pour Excel (point-virgule, virgule décimale, UTF-8 avec BOM)${NBSP};`,
    `  - \`<nom>.parquet\`${colon} les codes, en colonnes typées, pour R, Python ou DuckDB${NBSP};`,
    `  - \`<nom>.csv\`${colon} le fichier de référence, codes seuls (UTF-8, virgule, point décimal), décrit par \`datapackage.json\`.`,
    `- Les nomenclatures de référence auxquelles renvoient les codes, en CSV.`,
    '',
    'Une valeur que la source ne donne pas est une cellule vide, jamais un zéro.',
    '',
    '## Les tableaux du rapport',
    '',
    ...[...report.resources.values()].flatMap(dataset),
    '## Les nomenclatures de référence',
    '',
    ...referencedResources(catalog, report).flatMap(reference),
  ].join('\n');
}
