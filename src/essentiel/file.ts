/**
 * « L'essentiel » of every report home, written once for all reports in content/essentiel.json:
 * each point is a French sentence whose figures are indicators (data/indicators), picked by
 * their dimensions like <Value> picks them. Placeholders in the sentence:
 *   {name}             the value `values.name` (an indicator and its selection),
 *   {région} {année}   the report's region and year,
 *   {en région}        the region as a sentence places it (« dans les Hauts-de-France »),
 *   {opérateur:code}   the printed name of an operator in that report (« Pôle emploi » in 2020).
 * `npm run validate` checks the file here (located messages); points.ts applies it to a report.
 */
import path from 'node:path';
import type { IndicatorCatalogue } from '../indicators/model.ts';
import { ajv, checkAgainst, readJsonFile, type JsonFile } from '../data/json-file.ts';
import { quote, type DataIssue } from '../data/issues.ts';
import { contentDir } from '../data/paths.ts';

export const ESSENTIEL_FILE = 'essentiel.json';

export interface EssentielPoint {
  id: string;
  text: string;
  /** Each value: `indicator`, then a value for some of its dimensions. */
  values: Record<string, { indicator: string } & Record<string, string | number>>;
}

const validateFile = ajv.compile({
  type: 'object',
  required: ['points'],
  additionalProperties: false,
  properties: {
    points: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'text', 'values'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9-]+$' },
          text: { type: 'string', minLength: 1 },
          values: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              required: ['indicator'],
              properties: { indicator: { type: 'string' } },
              additionalProperties: { type: ['string', 'integer'] },
            },
          },
        },
      },
    },
  },
});

/** The placeholders every report fills in (points.ts, builtinsOf). */
const BUILTINS = ['région', 'en région', 'année'] as const;
export type Builtin = (typeof BUILTINS)[number];
const isBuiltin = (name: string): name is Builtin => (BUILTINS as readonly string[]).includes(name);

/** A sentence cut at its placeholders: text, then `{…}` contents, alternately. */
export type Part = { text: string } | { value: string } | { builtin: Builtin } | { operator: string };

export function parts(text: string): Part[] {
  return text.split(/(\{[^{}]*\})/).filter(Boolean).map((piece): Part => {
    const inner = /^\{(.*)\}$/.exec(piece)?.[1];
    if (inner === undefined) return { text: piece };
    if (isBuiltin(inner)) return { builtin: inner };
    if (inner.startsWith('opérateur:')) return { operator: inner.slice('opérateur:'.length) };
    return { value: inner };
  });
}

/** What is wrong with one point, against the indicator catalogue: messages for the path given. */
function pointProblems(point: EssentielPoint, catalogue: IndicatorCatalogue): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const used = parts(point.text).flatMap((p) => ('value' in p ? [p.value] : []));
  for (const name of used.filter((n) => !(n in point.values)))
    problems.push({ path: ['text'], message: `{${name}} ne désigne aucune valeur du point ${quote(point.id)} ; attendu une de ${Object.keys(point.values).join(', ') || '(aucune)'}, {région}, {en région}, {année} ou {opérateur:code}` });
  const preposition = /(?<!\p{L})(en|dans|à|au|aux) \{région\}/iu.exec(point.text)?.[0];
  if (preposition)
    problems.push({ path: ['text'], message: `${quote(preposition)} : la préposition dépend de la région (« en », « dans les », « à »…) ; écrivez {en région}, que chaque rapport remplace par sa région précédée de la bonne préposition (colonne in_label de data/reference/territories.csv)` });
  for (const [name, { indicator: id, ...selection }] of Object.entries(point.values)) {
    if (!used.includes(name)) problems.push({ path: ['values', name], message: `valeur ${quote(name)} jamais citée dans la phrase : écrivez {${name}} à sa place, ou retirez-la` });
    const indicator = catalogue.indicators.find((i) => i.id === id);
    if (!indicator) {
      problems.push({ path: ['values', name, 'indicator'], message: `indicateur ${quote(id)} inconnu ; attendu un de ${catalogue.indicators.map((i) => i.id).join(', ')}` });
      continue;
    }
    for (const key of Object.keys(selection).filter((k) => !indicator.dimensions.includes(k)))
      problems.push({ path: ['values', name, key], message: `${quote(key)} n'est pas une dimension de l'indicateur ${quote(id)} ; attendu ${indicator.dimensions.join(', ')}` });
  }
  return problems;
}

/** The points, and every problem of the file as a located issue. */
export function inspectEssentiel(catalogue: IndicatorCatalogue, root = contentDir()): { points: EssentielPoint[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const json: JsonFile | undefined = readJsonFile(path.join(root, ESSENTIEL_FILE), issues);
  if (!json || !checkAgainst(json, validateFile, "points de « L'essentiel »", issues)) return { points: [], issues };
  const points = (json.value as { points: EssentielPoint[] }).points;
  points.forEach((point, i) => {
    if (points.findIndex((p) => p.id === point.id) !== i)
      issues.push({ file: json.file, ...json.locate(['points', i, 'id']), severity: 'error', message: `point ${quote(point.id)} déjà défini : chaque point a un identifiant unique` });
    for (const p of pointProblems(point, catalogue)) issues.push({ file: json.file, ...json.locate(['points', i, ...p.path]), severity: 'error', message: p.message });
  });
  return { points, issues };
}
