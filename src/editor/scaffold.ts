/**
 * npm run new-report: the first edition (v1) of a new report, ready to be filled. Its data has
 * one dataset per standard kind (kinds.ts), header only; its chapters follow the plan the
 * published reports share, with guidance for the editor and the components to use kept inside
 * MDX comments (the skeleton builds while the datasets are empty). Everything the editor must
 * write is marked `À COMPLÉTER`, which `npm run validate` lists (to-fill.ts).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageDescriptor, ReportDescriptor, ResourceDescriptor } from '../data/descriptors.ts';
import { kinds, type DatasetKind } from '../data/kinds.ts';
import { displayPath } from '../data/paths.ts';
import { checkRegion, checkYear, defaultRoots, EditorError, MARKER, reportFolders, type Region, type Roots } from './editions.ts';

/** The licence of every published report (data/reports/*\/datapackage.json). */
const LICENSES = [{ name: 'etalab-2.0', title: 'Licence Ouverte / Open Licence 2.0', path: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' }];

interface DatasetPlan {
  name: string;
  kind: Exclude<DatasetKind, 'free'>;
  title: (r: Region, year: number) => string;
  /** What is counted, as the published reports say it. */
  unit: string;
  /** What the `champ` placeholder asks for. */
  champ: string;
  /** Where such figures usually come from, as an example for `sources`. */
  source: (year: number) => string;
}

/** One dataset per standard kind, named as the indicators and the chapters expect them. */
export const DATASETS: DatasetPlan[] = [
  {
    name: 'reference_population',
    kind: 'reference-population',
    title: (r) => `Populations de référence, ${r.label}`,
    unit: 'personnes',
    champ: 'population couverte et année du recensement',
    source: () => 'INSEE, recensement de la population',
  },
  {
    // The indicators (cep-entries-total, cep-entries-share) read the dataset of this name.
    name: 'cep_entries',
    kind: 'cep-entries-by-operator',
    title: (r, y) => `Nouvelles entrées en CEP en ${y} selon l'opérateur, ${r.label}`,
    unit: 'entrées en CEP',
    champ: 'nouvelles entrées en CEP de l’année, territoires couverts',
    source: (y) => `AGORA ${y} – traitement Transitions Pro`,
  },
  {
    name: 'categories',
    kind: 'categories',
    title: () => 'Catégories définies par le rapport',
    unit: 'catégories',
    champ: 'dimensions propres au rapport (objectif du CEP…)',
    source: () => 'le rapport lui-même',
  },
  {
    name: 'cep_entries_profile',
    kind: 'beneficiary-profile',
    title: (r, y) => `Profil des bénéficiaires entrés en CEP en ${y} selon l'opérateur, ${r.label}`,
    unit: '% des entrées en CEP',
    champ: 'bénéficiaires entrés en CEP dans l’année, par opérateur',
    source: (y) => `AGORA ${y} – traitement Transitions Pro`,
  },
  {
    name: 'ptp_files',
    kind: 'ptp-files',
    title: (r) => `Dossiers de projet de transition professionnelle (PTP), ${r.label}`,
    unit: 'dossiers PTP',
    champ: 'dossiers PTP présentés en commission, années couvertes',
    source: () => 'système d’information de Transitions Pro',
  },
  {
    name: 'resignation_files',
    kind: 'resignation-files',
    title: (r) => `Dossiers démission-reconversion, ${r.label}`,
    unit: 'dossiers démission-reconversion',
    champ: 'dossiers démission-reconversion examinés, années couvertes',
    source: () => 'système d’information de Transitions Pro',
  },
  {
    name: 'key_figures',
    kind: 'key-figures',
    title: (r, y) => `Chiffres cités dans le texte, ${r.label} ${y}`,
    unit: 'chiffres cités',
    champ: 'chiffres cités dans le texte du rapport, sans tableau',
    source: (y) => `Rapport ${y} de suivi du CEP, chapitre et paragraphe cités`,
  },
];

function resource(plan: DatasetPlan, region: Region, year: number): ResourceDescriptor & Record<string, unknown> {
  // As `npm run kind-schema` prints it: what kind-check.ts compares the resource with.
  const { fields, primaryKey, foreignKeys } = kinds[plan.kind];
  return {
    name: plan.name,
    title: plan.title(region, year),
    path: `${plan.name}.csv`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    sources: [{ title: `${MARKER} : source citée sous le tableau (ex. « ${plan.source(year)} »)` }],
    cep: {
      kind: plan.kind,
      unit: plan.unit,
      champ: `${MARKER} : champ tel que le rapport l’écrit sous le tableau (${plan.champ})`,
    },
    schema: { fields, primaryKey, ...(foreignKeys.length ? { foreignKeys } : {}) },
  };
}

export function reportDescriptor(region: Region, year: number): ReportDescriptor {
  return {
    region: region.code,
    year,
    title: `${MARKER} : titre du rapport publié, tel qu’il figure sur sa couverture`,
    author: `${MARKER} : organisme qui publie le rapport (en général Transitions Pro ${region.label})`,
    publication: `${MARKER} : édition ou date du rapport publié (ex. « Édition de septembre ${year + 1} »)`,
    edition: {
      number: 1,
      changes: `${MARKER} : ce que contient cette première édition (ex. « Première édition en ligne : transcription des tableaux et des chiffres du rapport, chapitres rédigés pour le site. »)`,
    },
  };
}

export function packageDescriptor(region: Region, year: number): PackageDescriptor & Record<string, unknown> {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: `cep-${region.slug}-${year}`,
    title: `Suivi de la mise en œuvre du CEP, ${region.label} ${year} : données`,
    licenses: LICENSES,
    resources: DATASETS.map((plan) => resource(plan, region, year)),
  };
}

interface ChapterPlan {
  file: string;
  title: (r: Region, year: number) => string;
  /** What the chapter presents, for the editor (kept in an MDX comment). */
  guidance: string;
  /** Components to use once the data is there, each in its own comment. */
  components: (r: Region, year: number) => string[];
}

/** The plan the published reports share. */
export const CHAPTERS: ChapterPlan[] = [
  {
    file: '01-cadre-et-methode.mdx',
    title: () => 'Le cadre et la méthode du suivi',
    guidance:
      "Pourquoi Transitions Pro suit la mise en œuvre du conseil en évolution professionnelle (la mission que lui confie le code du travail), comment le suivi est organisé dans la région (référent, entretiens avec les opérateurs, réunions) et d'où viennent les chiffres des chapitres suivants (AGORA, systèmes d'information des opérateurs et de Transitions Pro), avec leurs limites.",
    components: () => [],
  },
  {
    file: '02-cooperations.mdx',
    title: () => 'Les coopérations autour du CEP',
    guidance:
      "Les opérateurs du CEP de la région et leurs publics, leurs lieux d'accueil, les actions conduites en commun avec Transitions Pro et entre opérateurs (réunions, professionnalisation des conseillers, communication), les partenariats que chacun décrit. Un chiffre cité par le rapport sans tableau (nombre de lieux d'accueil…) devient une ligne de key_figures, affichée dans le texte par le composant KeyFigure avec l'identifiant de la ligne.",
    components: () => ['<DataTable dataset="key_figures" />'],
  },
  {
    file: '03-recours-au-cep.mdx',
    title: (_, y) => `Le recours au CEP en ${y}, opérateur par opérateur`,
    guidance:
      "Combien de personnes ont commencé un CEP dans l'année, auprès de quel opérateur, comparé à la France métropolitaine quand le rapport la donne, et le taux de recours rapporté aux actifs. Les entrées vont dans cep_entries (une ligne par territoire, année et opérateur, et la ligne ensemble quand le rapport publie le total) ; les actifs dans reference_population. Les parts, le taux de recours et l'évolution sur un an sont calculés par les indicateurs (data/indicators, liste sur la page Méthodologie) : ne les saisissez pas.",
    components: (r) => [
      '<Value indicator="cep-entries-total" />',
      '<Value indicator="cep-entries-share" operator="france-travail" />',
      '<Value indicator="cep-recourse-rate" />',
      '<Value indicator="count-variation-yoy" population="cep-entries" />',
      `<Chart chart="entries-by-operator" territories={['${r.code}', 'FRM']} />`,
      '<DataTable dataset="cep_entries" />',
      '<DataTable dataset="reference_population" />',
    ],
  },
  {
    file: '04-profils-des-beneficiaires.mdx',
    title: () => 'Le profil des bénéficiaires',
    guidance:
      "Le sexe, l'âge, la catégorie socioprofessionnelle et le niveau de certification des personnes entrées en CEP, selon l'opérateur qui les accompagne. Les parts vont dans cep_entries_profile, avec les dimensions sex, age, pcs ou certification et les codes des listes de data/reference.",
    components: () => [
      `<Chart chart="profile-bars" dataset="cep_entries_profile" where={{ dimension: 'sex' }} title="Sexe des bénéficiaires par opérateur" />`,
      `<Chart chart="profile-bars" dataset="cep_entries_profile" where={{ dimension: 'age' }} title="Âge des bénéficiaires par opérateur" />`,
      '<DataTable dataset="cep_entries_profile" />',
    ],
  },
  {
    file: '05-objectifs.mdx',
    title: () => 'Les objectifs assignés au CEP',
    guidance:
      "L'objectif principal que les bénéficiaires assignent à leur conseil (changer de métier, faire le point sur sa situation, créer une entreprise…), selon l'opérateur. Les objectifs sont une dimension propre au rapport : déclarez-les dans categories (dimension objective, un code et le libellé du rapport par objectif), puis leurs parts dans cep_entries_profile avec la dimension objective.",
    components: () => [
      `<Chart chart="profile-bars" dataset="cep_entries_profile" where={{ dimension: 'objective' }} title="Objectif principal assigné au CEP, par opérateur" />`,
    ],
  },
  {
    file: '06-projet-de-transition-professionnelle.mdx',
    title: () => 'Le CEP et le projet de transition professionnelle',
    guidance:
      "Les dossiers de projet de transition professionnelle (PTP) présentés et financés, la part préparée avec un opérateur du CEP, le profil des bénéficiaires et les métiers visés. Les dossiers vont dans ptp_files (une ligne par territoire et année) ; une cellule de ce tableau s'écrit dans une phrase avec le composant Data (docs/COMPONENTS.md). Donnez aussi l'année précédente quand le rapport la publie : l'évolution sur un an, le taux d'acceptation et la part accompagnée par un CEP (et son évolution en points) sont alors calculés, même si le rapport ne les imprime pas.",
    components: () => [
      '<Value indicator="ptp-files" />',
      '<Value indicator="count-variation-yoy" population="ptp-files" />',
      '<Value indicator="ptp-funded-rate" />',
      '<Value indicator="ptp-cep-share" />',
      '<Value indicator="ptp-cep-share-change" />',
      '<Chart indicator="ptp-cep-share" by="year" />',
      '<Chart chart="year-bars" dataset="ptp_files" field="files" title="Dossiers PTP présentés" />',
      '<DataTable dataset="ptp_files" />',
    ],
  },
  {
    file: '07-demission-reconversion.mdx',
    title: () => 'Le CEP et la démission pour reconversion',
    guidance:
      "Les dossiers de démission-reconversion examinés et acceptés, leur évolution, les opérateurs du CEP qui les ont accompagnés et la nature des projets (formation, création ou reprise d'entreprise). Les dossiers vont dans resignation_files (une ligne par territoire et année).",
    components: () => [
      '<Value indicator="resignation-acceptance-rate" />',
      '<Value indicator="count-variation-yoy" population="resignation-files-accepted" />',
      '<Value indicator="resignation-creation-share" />',
      '<Chart chart="year-bars" dataset="resignation_files" field="files_accepted" title="Dossiers démission-reconversion acceptés" />',
      '<DataTable dataset="resignation_files" />',
    ],
  },
  {
    file: '08-conclusion.mdx',
    title: () => 'Conclusion et perspectives',
    guidance:
      "Le bilan que Transitions Pro tire de l'année, les difficultés relevées et les actions prévues pour l'année suivante. Un bloc de chiffres clés peut ouvrir le chapitre.",
    components: (_, y) => [
      `<KeyFigures title="Le CEP en ${y}">\n  <Stat label="personnes entrées en CEP"><Value indicator="cep-entries-total" /></Stat>\n</KeyFigures>`,
    ],
  },
];

/** Wraps text at about 96 columns, as the chapters are written. */
function wrap(text: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 96 - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}${l}`).join('\n');
}

export function chapterText(plan: ChapterPlan, region: Region, year: number): string {
  const components = plan.components(region, year);
  const help = [
    wrap(`À écrire : ${plan.guidance[0]!.toLowerCase()}${plan.guidance.slice(1)}`, '  '),
    wrap(
      "Aucun chiffre tapé dans le texte : chacun vient d'un composant qui lit les données (docs/COMPONENTS.md) ; seules les années, les dates et les références des textes de loi s'écrivent en chiffres.",
      '  ',
    ),
    ...(components.length
      ? [wrap('Composants à utiliser une fois le jeu de données rempli : retirez les marques de commentaire qui les entourent.', '  ')]
      : []),
  ];
  return [
    '---',
    `title: "${plan.title(region, year)}"`,
    `summary: "${MARKER} : une phrase qui dit de quoi parle ce chapitre (table des matières et résultats de recherche)"`,
    '---',
    '',
    `{/*\n${help.join('\n\n')}\n*/}`,
    '',
    ...components.flatMap((c) => [`{/* ${c} */}`, '']),
    `${MARKER} : rédigez ce chapitre, puis retirez cette ligne.`,
    '',
  ].join('\n');
}

/** Creates data/reports/<slug>/<year>/v1/ and content/reports/<slug>/<year>/v1/; returns what was written. */
export function scaffoldReport(slug: string, yearText: string, roots: Roots = defaultRoots()): { files: string[]; region: Region } {
  const region = checkRegion(slug, roots);
  const year = checkYear(yearText);
  const folders = reportFolders(slug, yearText, roots);
  for (const dir of [folders.dataYear, folders.contentYear])
    if (existsSync(dir))
      throw new EditorError(`le dossier ${displayPath(dir)} existe déjà : le rapport ${slug}/${year} a déjà été créé`, [
        `Pour le corriger ou le compléter après sa publication : npm run new-version -- ${slug} ${year}`,
      ]);
  const { data, content } = folders.edition(1);
  mkdirSync(data, { recursive: true });
  mkdirSync(content, { recursive: true });
  const files: string[] = [];
  const write = (file: string, text: string) => {
    writeFileSync(file, text);
    files.push(file);
  };
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  write(path.join(data, 'report.json'), json(reportDescriptor(region, year)));
  const pkg = packageDescriptor(region, year);
  write(path.join(data, 'datapackage.json'), json(pkg));
  for (const r of pkg.resources) write(path.join(data, r.path), `${r.schema.fields.map((f) => f.name).join(',')}\n`);
  for (const plan of CHAPTERS) write(path.join(content, plan.file), chapterText(plan, region, year));
  return { files, region };
}
