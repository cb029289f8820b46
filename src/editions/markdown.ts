/**
 * A catalog diff (compare.ts) as Markdown, in French, for a pull request comment or a GitHub
 * job summary: a first line that sums it up, then one section per edition that changed
 * (metadata, datasets with a table of the changed cells and rows, rules, indicators, chapters
 * as paragraph diffs); a dataset new since the ref is listed row by row (markdown-rows.ts),
 * a new report with all its datasets. A change to an edition released on the ref comes first, as
 * a warning block. Long lists stop at a limit with « … et N autres ». Sorted, no
 * timestamp: the same diff always renders the same text.
 */
import { frenchDate, releaseText } from '../data/editions.ts';
import { formatIssue } from '../data/issues.ts';
import { formatInteger, formatPublished, formatValue, MISSING } from '../format/number.ts';
import type {
  CatalogDiff,
  Cell,
  ChapterDiff,
  DatasetDiff,
  EditionDiff,
  IndicatorChange,
  MetadataChange,
  ParagraphChange,
  RowRef,
} from './compare.ts';
import { isEmptyDiff } from './compare.ts';
import { frozenWarning, type FrozenFile } from './markdown-frozen.ts';
import { rowsListing } from './markdown-rows.ts';

export interface MarkdownOptions {
  /** The before side, as Markdown: « `main` ». Default: « la référence ». */
  before?: string;
  /** The after side, as Markdown. Default: « l'arbre de travail ». */
  after?: string;
  /** Rows of an edition's table of changed cells (default 50). */
  maxRows?: number;
  /** Rows listed per dataset that is new since the ref (default 25; markdown-rows.ts). */
  maxDatasetRows?: number;
  /** Rows of an edition's table of indicators (default 30). */
  maxIndicators?: number;
  /** Paragraph changes shown per chapter (default 5). */
  maxParagraphs?: number;
  /** Items of a bullet list (datasets, rules, chapters; default 20). */
  maxItems?: number;
  /** Errors shown per side that does not validate (default 10). */
  maxErrors?: number;
  /** The files of editions released on the ref that the working tree changes (base-check.ts): flagged first. */
  frozen?: FrozenFile[];
}

type Limits = Required<MarkdownOptions>;

const DEFAULTS: Limits = {
  before: 'la référence',
  after: "l'arbre de travail",
  maxRows: 50,
  maxDatasetRows: 25,
  maxIndicators: 30,
  maxParagraphs: 5,
  maxItems: 20,
  maxErrors: 10,
  frozen: [],
};

/** « 1 cellule modifiée », « 2 cellules modifiées ». */
function count(n: number, one: string, many: string): string {
  return `${formatInteger(n)} ${n > 1 ? many : one}`;
}

function more(n: number): string {
  return `… et ${formatInteger(n)} autre${n > 1 ? 's' : ''}`;
}

/** A text safe in a table cell. */
function cellText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cellText).join(' | ')} |`)];
}

/** A code fence longer than any run of backticks in the text. */
function fence(body: string, lang: string): string[] {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return [`${f}${lang}`, body, f];
}

const YEAR_LIKE = /(^|_)(year|rank)$/;

/** A cell as readers expect it: French numbers, years as written, « (vide) » for a missing value. */
export function formatCell(field: string, value: Cell | undefined): string {
  if (value === null || value === undefined) return '(vide)';
  if (typeof value === 'number') return YEAR_LIKE.test(field) ? String(value) : formatPublished(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  return value;
}

// ---------------------------------------------------------------------------------------------
// Summary

export interface Totals {
  reportsAdded: number;
  reportsRemoved: number;
  /** Opened, in preparation. */
  opened: number;
  /** Opened and released in the same diff. */
  openedReleased: number;
  /** An existing edition released. */
  released: number;
  unreleased: number;
  removed: number;
  metadata: number;
  datasetsAdded: number;
  datasetsRemoved: number;
  schemas: number;
  cells: number;
  rowsAdded: number;
  rowsRemoved: number;
  rules: number;
  indicators: number;
  chaptersAdded: number;
  chaptersRemoved: number;
  chaptersModified: number;
}

/** The editions whose content is listed (a removed report or edition: only counted). */
function detailed(e: EditionDiff): boolean {
  return e.status !== 'unchanged' && !e.events.some((x) => x === 'report-removed' || x === 'removed');
}

function addDatasets(t: Totals, datasets: DatasetDiff[]): void {
  for (const d of datasets) {
    if (d.status === 'added') t.datasetsAdded++;
    else if (d.status === 'removed') t.datasetsRemoved++;
    else {
      if (d.fields.added.length + d.fields.removed.length + d.fields.retyped.length > 0) t.schemas++;
      t.cells += d.rows.changed.reduce((n, r) => n + r.cells.length, 0);
      t.rowsAdded += d.rows.added.length;
      t.rowsRemoved += d.rows.removed.length;
    }
  }
}

export function totals(diff: CatalogDiff): Totals {
  const t: Totals = {
    reportsAdded: 0, reportsRemoved: 0, opened: 0, openedReleased: 0, released: 0, unreleased: 0, removed: 0, metadata: 0,
    datasetsAdded: 0, datasetsRemoved: 0, schemas: 0, cells: 0, rowsAdded: 0, rowsRemoved: 0, rules: 0,
    indicators: 0, chaptersAdded: 0, chaptersRemoved: 0, chaptersModified: 0,
  };
  addDatasets(t, diff.reference);
  const reportsAdded = new Set<string>();
  const reportsRemoved = new Set<string>();
  for (const e of diff.editions) {
    for (const event of e.events) {
      if (event === 'report-added') reportsAdded.add(e.reportId);
      else if (event === 'report-removed') reportsRemoved.add(e.reportId);
      else if (event === 'opened') {
        if (e.events.includes('released')) t.openedReleased++;
        else t.opened++;
      } else if (event === 'released' && !e.events.includes('opened') && !e.events.includes('report-added')) t.released++;
      else if (event === 'unreleased') t.unreleased++;
      else if (event === 'removed') t.removed++;
    }
    if (!detailed(e)) continue;
    t.metadata += e.metadata.length;
    addDatasets(t, e.datasets);
    t.rules += e.rules.added.length + e.rules.removed.length + e.rules.modified.length;
    t.indicators += e.indicators.length;
    for (const c of e.chapters) {
      if (c.status === 'added') t.chaptersAdded++;
      else if (c.status === 'removed') t.chaptersRemoved++;
      else t.chaptersModified++;
    }
  }
  t.reportsAdded = reportsAdded.size;
  t.reportsRemoved = reportsRemoved.size;
  return t;
}

function summary(diff: CatalogDiff, o: Limits): string {
  const t = totals(diff);
  const lifecycle = [
    t.reportsAdded && count(t.reportsAdded, 'rapport ajouté', 'rapports ajoutés'),
    t.reportsRemoved && count(t.reportsRemoved, 'rapport supprimé', 'rapports supprimés'),
    t.opened && count(t.opened, 'édition ouverte', 'éditions ouvertes'),
    t.openedReleased && count(t.openedReleased, 'nouvelle édition publiée', 'nouvelles éditions publiées'),
    t.released && count(t.released, 'édition publiée', 'éditions publiées'),
    t.unreleased && count(t.unreleased, 'édition retirée du verrou', 'éditions retirées du verrou'),
    t.removed && count(t.removed, 'édition supprimée', 'éditions supprimées'),
  ].filter(Boolean);
  const content = [
    t.metadata && count(t.metadata, 'métadonnée modifiée', 'métadonnées modifiées'),
    t.datasetsAdded && count(t.datasetsAdded, 'jeu de données ajouté', 'jeux de données ajoutés'),
    t.datasetsRemoved && count(t.datasetsRemoved, 'jeu de données supprimé', 'jeux de données supprimés'),
    t.schemas && count(t.schemas, 'schéma modifié', 'schémas modifiés'),
    t.cells && count(t.cells, 'cellule modifiée', 'cellules modifiées'),
    t.rowsAdded && count(t.rowsAdded, 'ligne ajoutée', 'lignes ajoutées'),
    t.rowsRemoved && count(t.rowsRemoved, 'ligne supprimée', 'lignes supprimées'),
    t.rules && count(t.rules, 'règle de cohérence changée', 'règles de cohérence changées'),
    t.indicators && count(t.indicators, "valeur d'indicateur modifiée", "valeurs d'indicateurs modifiées"),
    t.chaptersAdded && count(t.chaptersAdded, 'chapitre ajouté', 'chapitres ajoutés'),
    t.chaptersRemoved && count(t.chaptersRemoved, 'chapitre supprimé', 'chapitres supprimés'),
    t.chaptersModified && count(t.chaptersModified, 'chapitre modifié', 'chapitres modifiés'),
  ].filter(Boolean);
  const parts = [lifecycle.join(', '), content.join(', ')].filter(Boolean);
  // Descriptor-only changes (a title, a unit) have no counter of their own.
  if (parts.length === 0) parts.push('descriptions de jeux de données modifiées');
  return `**Données comparées à ${o.before}** : ${parts.join(' ; ')}.`;
}

// ---------------------------------------------------------------------------------------------
// Sections

const METADATA_LABELS: Record<MetadataChange['field'], string> = {
  title: 'Titre',
  author: 'Auteur',
  publication: 'Publication transcrite',
  'edition.changes': "Changements de l'édition",
  'edition.date': "Date de publication de l'édition",
};

const PROPERTY_LABELS: Record<string, string> = {
  title: 'titre',
  'cep.kind': 'type standard',
  'cep.unit': 'unité',
  'cep.champ': 'champ',
  'cep.lecture': 'lecture',
  'cep.notes': 'notes',
  'cep.technicalNotes': 'notes techniques',
  'cep.item': "élément de l'inventaire",
  sources: 'sources',
  'schema.primaryKey': 'clé primaire',
};

const PARAM_LABELS: Record<string, string> = { territory: 'territoire', year: 'année', operator: 'opérateur' };

const quoted = (s: string | undefined) => (s === undefined ? '—' : `« ${s} »`);
const code = (s: string) => `\`${s}\``;

function metadataSection(changes: MetadataChange[]): string[] {
  if (changes.length === 0) return [];
  const value = (field: MetadataChange['field'], v: string | undefined) => (v === undefined ? '—' : field === 'edition.date' ? frenchDate(v) : v);
  return ['### Métadonnées (report.json)', '', ...table(['Champ', 'Avant', 'Après'], changes.map((c) => [METADATA_LABELS[c.field], value(c.field, c.before), value(c.field, c.after)])), ''];
}

function capped(items: string[], max: number): string[] {
  return items.length > max ? [...items.slice(0, max), `- ${more(items.length - max)}`] : items;
}

function rowCells(ref: RowRef, keyFields: string[]): string {
  const cells = Object.entries(ref.row).filter(([f, v]) => !keyFields.includes(f) && v !== null && v !== undefined);
  return cells.length ? cells.map(([f, v]) => `${f} : ${formatCell(f, v)}`).join(' ; ') : '(vide)';
}

function lineLabel(label: string, line: number): string {
  return label ? `${label} (l. ${line})` : `l. ${line}`;
}

/** `folder`: where the datasets' CSV files are in the repository (`data/reports/<edition>`). */
function datasetsSection(datasets: DatasetDiff[], heading: string, folder: string, o: Limits): string[] {
  if (datasets.length === 0) return [];
  const bullets: string[] = [];
  const rows: string[][] = [];
  for (const d of datasets) {
    if (d.status === 'added') bullets.push(`- ${code(d.name)} ajouté : ${quoted(d.title)}, ${count(d.rowCount.after, 'ligne', 'lignes')}.`);
    else if (d.status === 'removed') bullets.push(`- ${code(d.name)} supprimé : ${quoted(d.title)}, ${count(d.rowCount.before, 'ligne', 'lignes')}.`);
    if (d.status !== 'modified') continue;
    const schema = [
      d.fields.added.length && `champs ajoutés : ${d.fields.added.map(code).join(', ')}`,
      d.fields.removed.length && `champs retirés : ${d.fields.removed.map(code).join(', ')}`,
      ...d.fields.retyped.map((r) => `type de ${code(r.field)} : ${r.before} → ${r.after}`),
    ].filter(Boolean);
    if (schema.length) bullets.push(`- ${code(d.name)} : ${schema.join(' ; ')}.`);
    for (const p of d.properties) bullets.push(`- ${code(d.name)} : ${PROPERTY_LABELS[p.property] ?? p.property} ${quoted(p.before)} → ${quoted(p.after)}.`);
    const hasRows = d.rows.changed.length + d.rows.added.length + d.rows.removed.length > 0;
    if (hasRows && d.match.by !== 'primaryKey')
      bullets.push(`- ${code(d.name)} n'a pas de clé primaire : lignes rapprochées par ${d.match.fields.map(code).join(', ')}.`);
    for (const r of d.rows.changed)
      for (const c of r.cells) rows.push([code(d.name), lineLabel(r.label, r.lineAfter), code(c.field), formatCell(c.field, c.before), formatCell(c.field, c.after)]);
    for (const r of d.rows.removed) rows.push([code(d.name), lineLabel(r.label, r.line), '*ligne supprimée*', rowCells(r, d.match.fields), '—']);
    for (const r of d.rows.added) rows.push([code(d.name), lineLabel(r.label, r.line), '*ligne ajoutée*', '—', rowCells(r, d.match.fields)]);
  }
  const out = [heading, ''];
  if (bullets.length) out.push(...capped(bullets, o.maxItems), '');
  if (rows.length) {
    out.push(...table(['Jeu de données', 'Ligne', 'Champ', 'Avant', 'Après'], rows.slice(0, o.maxRows)));
    if (rows.length > o.maxRows) out.push('', more(rows.length - o.maxRows));
    out.push('');
  }
  // New since the ref: nothing to compare with, every figure to check against the source.
  for (const d of datasets) if (d.status === 'added') out.push(...rowsListing(d, folder, o.maxDatasetRows, table, formatCell));
  return out;
}

function rulesSection(rules: EditionDiff['rules'], o: Limits): string[] {
  const lines = [
    rules.added.length && `- ajoutées : ${rules.added.map(code).join(', ')}`,
    rules.removed.length && `- supprimées : ${rules.removed.map(code).join(', ')}`,
    rules.modified.length && `- modifiées : ${rules.modified.map(code).join(', ')}`,
  ].filter((l): l is string => Boolean(l));
  return lines.length ? ['### Règles de cohérence', '', ...capped(lines, o.maxItems), ''] : [];
}

/** Both values with the fewest decimals that tell them apart (a share moving by 0,01 point). */
function indicatorValues(c: IndicatorChange): [string, string] {
  const show = (v: number | null | undefined, digits: number) => (v === undefined ? '—' : formatValue(v, c.unit, c.unit === 'count' ? 0 : digits));
  let digits = Math.max(1, c.decimals);
  while (digits < 3 && show(c.before, digits) === show(c.after, digits)) digits++;
  return [show(c.before, digits), show(c.after, digits)];
}

function indicatorsSection(changes: IndicatorChange[], o: Limits): string[] {
  if (changes.length === 0) return [];
  const rows = changes.map((c) => {
    const params = Object.entries(c.dimensions).map(([k, v]) => `${PARAM_LABELS[k] ?? k} ${v ?? MISSING}`).join(', ');
    return [`${c.label} (${code(c.indicator)})`, params, ...indicatorValues(c)];
  });
  const out = ['### Indicateurs', '', ...table(['Indicateur', 'Paramètres', 'Avant', 'Après'], rows.slice(0, o.maxIndicators))];
  if (rows.length > o.maxIndicators) out.push('', more(rows.length - o.maxIndicators));
  return [...out, ''];
}

function paragraphDiff(changes: ParagraphChange[], max: number): string[] {
  const prefixed = (p: string, text: string) => text.split('\n').map((l) => `${p} ${l}`.trimEnd());
  const blocks = changes.slice(0, max).map((c) => {
    const at = [c.lineBefore !== undefined && `avant l. ${c.lineBefore}`, c.lineAfter !== undefined && `après l. ${c.lineAfter}`].filter(Boolean).join(', ');
    return [`@@ ${at} @@`, ...(c.before === undefined ? [] : prefixed('-', c.before)), ...(c.after === undefined ? [] : prefixed('+', c.after))].join('\n');
  });
  const out = fence(blocks.join('\n\n'), 'diff');
  if (changes.length > max) out.push('', more(changes.length - max));
  return out;
}

function chaptersSection(chapters: ChapterDiff[], o: Limits): string[] {
  if (chapters.length === 0) return [];
  const out = ['### Chapitres', ''];
  const simple = chapters.filter((c) => c.status !== 'modified');
  out.push(...capped(simple.map((c) => `- ${code(c.file)} ${c.status === 'added' ? 'ajouté' : 'supprimé'} : ${quoted(c.title)}.`), o.maxItems));
  if (simple.length) out.push('');
  for (const c of chapters.filter((x) => x.status === 'modified')) {
    const n = (kind: ParagraphChange['kind']) => c.paragraphs.filter((p) => p.kind === kind).length;
    const what = [
      n('changed') && count(n('changed'), 'paragraphe modifié', 'paragraphes modifiés'),
      n('added') && count(n('added'), 'paragraphe ajouté', 'paragraphes ajoutés'),
      n('removed') && count(n('removed'), 'paragraphe supprimé', 'paragraphes supprimés'),
    ].filter(Boolean);
    out.push(`- ${code(c.file)} modifié : ${quoted(c.title)}, ${what.join(', ')}.`, '', ...paragraphDiff(c.paragraphs, o.maxParagraphs), '');
  }
  return out;
}

function editionHeading(e: EditionDiff): string {
  const ref = (e.after ?? e.before)!;
  return `## ${ref.regionLabel} ${ref.year}, édition v${ref.number} (${code(e.editionId)})`;
}

function editionStatus(e: EditionDiff): string[] {
  const ref = (e.after ?? e.before)!;
  const sizes = `${count(e.datasets.length, 'jeu de données', 'jeux de données')}, ${count(e.chapters.length, 'chapitre', 'chapitres')}`;
  const lines: string[] = [];
  if (e.events.includes('report-added'))
    lines.push(
      `Nouveau rapport : ${quoted(ref.title)}, édition ${releaseText(ref)} ; ${sizes}. Les lignes de chaque jeu de données suivent, codes et libellés côte à côte, pour les vérifier contre le rapport source.`,
    );
  else if (e.events.includes('report-removed')) lines.push(`Rapport supprimé : ${quoted(ref.title)} ; ${sizes}.`);
  else if (e.events.includes('removed')) lines.push(`Édition supprimée ; ${sizes}.`);
  else if (e.events.includes('opened'))
    lines.push(`Nouvelle édition, ${releaseText(ref)}${e.baseline ? `, comparée à l'édition v${e.baseline.number}` : ''} : ${quoted(ref.changes)}`);
  else if (e.events.includes('released')) lines.push(`Édition ${releaseText(ref)} : ajoutée à editions.lock.json, ses fichiers sont désormais figés.`);
  if (e.events.includes('unreleased')) lines.push("Édition retirée de editions.lock.json : elle n'est plus figée.");
  return lines.length ? [...lines, ''] : [];
}

function editionSection(e: EditionDiff, o: Limits): string[] {
  const out = [editionHeading(e), '', ...editionStatus(e)];
  if (!detailed(e)) return out;
  return [
    ...out,
    ...metadataSection(e.metadata),
    ...datasetsSection(e.datasets, '### Jeux de données', `data/reports/${e.editionId}`, o),
    ...rulesSection(e.rules, o),
    ...indicatorsSection(e.indicators, o),
    ...chaptersSection(e.chapters, o),
  ];
}

function invalidSection(diff: CatalogDiff, o: Limits): string[] {
  const name = (side: 'before' | 'after') => (side === 'before' ? o.before : o.after);
  const what = diff.invalid.map((s) => `les données de ${name(s.side)} ne sont pas valides (${count(s.errors.length, 'erreur', 'erreurs')})`);
  const out = [`**Comparaison avec ${o.before} impossible** : ${what.join(' ; ')}.`, ''];
  for (const s of diff.invalid) {
    out.push(`## Données de ${name(s.side)} : ${count(s.errors.length, 'erreur', 'erreurs')}`, '');
    if (s.errors.length) {
      out.push(...fence(s.errors.slice(0, o.maxErrors).map(formatIssue).join('\n'), 'text'));
      if (s.errors.length > o.maxErrors) out.push('', more(s.errors.length - o.maxErrors));
      out.push('');
    }
  }
  out.push('`npm run validate` donne la liste complète.', '');
  return out;
}

/** The whole diff as Markdown; its first line sums it up (after the warning on released editions, if any). Ends with one newline. */
export function renderMarkdown(diff: CatalogDiff, options: MarkdownOptions = {}): string {
  const o: Limits = { ...DEFAULTS, ...options };
  let lines: string[];
  if (!diff.comparable) lines = invalidSection(diff, o);
  else if (isEmptyDiff(diff)) lines = [`Aucun changement de données par rapport à ${o.before}.`];
  else {
    lines = [summary(diff, o), ''];
    if (diff.reference.length) lines.push(...datasetsSection(diff.reference, '## Référentiels (`data/reference`)', 'data/reference', o));
    for (const e of diff.editions) if (e.status !== 'unchanged') lines.push(...editionSection(e, o));
  }
  lines = [...frozenWarning(o.frozen, o.before, o.maxItems), ...lines];
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
