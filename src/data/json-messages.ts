/**
 * French messages for what a JSON file can get wrong: its syntax (jsonc-parser's error codes) and
 * its schema (ajv's errors). Each says what was found and what is expected; the keywords we do
 * not phrase ourselves fall back on ajv-i18n's French.
 */
import type { ErrorObject } from 'ajv';
import localizeFr from 'ajv-i18n/localize/fr';
import { printParseErrorCode, type ParseErrorCode } from 'jsonc-parser';
import { quote } from './issues.ts';

const syntax: Record<ReturnType<typeof printParseErrorCode>, string> = {
  InvalidSymbol: 'caractère inattendu',
  InvalidNumberFormat: 'nombre mal écrit (ex. 12.5, sans espace ni virgule décimale)',
  PropertyNameExpected: 'nom de propriété entre guillemets attendu',
  ValueExpected: 'valeur attendue',
  ColonExpected: '« : » attendu après le nom de la propriété',
  CommaExpected: 'virgule attendue',
  CloseBraceExpected: '« } » attendu',
  CloseBracketExpected: '« ] » attendu',
  EndOfFileExpected: 'fin du fichier attendue (texte en trop après la dernière accolade)',
  InvalidCommentToken: 'commentaire interdit en JSON',
  UnexpectedEndOfComment: 'commentaire non fermé',
  UnexpectedEndOfString: 'guillemet fermant manquant',
  UnexpectedEndOfNumber: 'nombre inachevé',
  InvalidUnicode: 'séquence \\u invalide',
  InvalidEscapeCharacter: 'barre oblique inverse « \\ » suivie d’un caractère non permis',
  InvalidCharacter: 'caractère de contrôle dans un texte (une tabulation ou un retour à la ligne s’écrit \\t ou \\n)',
  '<unknown ParseErrorCode>': 'erreur de syntaxe',
};

export function describeParseError(code: ParseErrorCode): string {
  return `JSON invalide : ${syntax[printParseErrorCode(code)]} ; vérifiez les virgules, guillemets et accolades autour de cette position`;
}

const typeNames: Record<string, string> = {
  string: 'un texte entre guillemets',
  integer: 'un nombre entier',
  number: 'un nombre',
  boolean: 'true ou false',
  object: 'un objet { … }',
  array: 'une liste [ … ]',
  null: 'null',
};

const formatNames: Record<string, string> = {
  date: 'une date AAAA-MM-JJ (ex. 2024-09-30)',
  'date-time': 'une date et une heure (ex. 2024-09-30T12:00:00Z)',
  time: 'une heure (ex. 12:00:00Z)',
  uri: 'une adresse complète (ex. https://exemple.fr/page)',
  'uri-reference': 'une adresse (ex. https://exemple.fr/page ou page.html)',
  email: 'une adresse électronique (ex. nom@exemple.fr)',
  regex: 'une expression régulière valide',
};

/** The JSON type of a value, in French, for « trouvé … ». */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return typeNames.array!;
  if (typeof value === 'number') return Number.isInteger(value) ? typeNames.integer! : typeNames.number!;
  return typeNames[typeof value] ?? typeof value;
}

const shown = (value: unknown) => quote(typeof value === 'string' ? value : JSON.stringify(value));
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/** ajv-i18n's French, for the keywords we do not phrase ourselves. */
function fallback(e: ErrorObject): string {
  const copy = { ...e };
  localizeFr([copy]);
  return `${copy.message ?? e.keyword} : corrigez cette valeur`;
}

/**
 * One ajv error in French: what was found, what is expected. The errors come from an ajv
 * instance with `verbose` (e.data is the value found, e.parentSchema its schema).
 */
export function describeAjvError(e: ErrorObject): string {
  const where = e.instancePath ? `${quote(e.instancePath.replaceAll('~1', '/').replaceAll('~0', '~'))} : ` : '';
  const p = e.params as Record<string, unknown>;
  const limit = Number(p.limit);
  const length = typeof e.data === 'string' ? [...e.data].length : 0;
  switch (e.keyword) {
    case 'required':
      return `${where}propriété obligatoire ${quote(String(p.missingProperty))} manquante`;
    case 'additionalProperties': {
      const known = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
      return `${where}propriété inconnue ${quote(String(p.additionalProperty))} : ${known.length ? `attendu l’une de ${known.join(', ')} ; ` : ''}corrigez son nom ou retirez-la`;
    }
    case 'type':
      return `${where}${typeOf(e.data)} trouvé, ${String(p.type).split(',').map((t) => typeNames[t] ?? t).join(' ou ')} attendu`;
    case 'enum':
      return `${where}valeur attendue parmi : ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `${where}valeur ${shown(e.data)} : seule la valeur ${shown(p.allowedValue)} est permise ici`;
    case 'pattern':
      return `${where}valeur ${shown(e.data)} mal formée : motif attendu ${String(p.pattern)}`;
    case 'format':
      return `${where}valeur ${shown(e.data)} mal formée : attendu ${formatNames[String(p.format)] ?? `le format ${String(p.format)}`}`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${where}valeur ${shown(e.data)} trop petite : ${e.keyword === 'minimum' ? 'au moins' : 'plus de'} ${limit} attendu`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${where}valeur ${shown(e.data)} trop grande : ${e.keyword === 'maximum' ? 'au plus' : 'moins de'} ${limit} attendu`;
    case 'multipleOf':
      return `${where}valeur ${shown(e.data)} : un multiple de ${String(p.multipleOf)} attendu`;
    case 'minLength':
      return length === 0
        ? `${where}texte vide : écrivez-le (au moins ${plural(limit, 'caractère')})`
        : `${where}texte trop court (${plural(length, 'caractère')}) : au moins ${plural(limit, 'caractère')} attendu`;
    case 'maxLength':
      return `${where}texte trop long (${plural(length, 'caractère')}) : au plus ${plural(limit, 'caractère')} ; raccourcissez-le`;
    case 'minItems':
      return Array.isArray(e.data) && e.data.length === 0
        ? `${where}liste vide : ajoutez au moins ${plural(limit, 'élément')}`
        : `${where}liste trop courte : au moins ${plural(limit, 'élément')} attendu`;
    case 'maxItems':
      return `${where}liste trop longue : au plus ${plural(limit, 'élément')} ; retirez-en`;
    case 'uniqueItems':
      return `${where}éléments n° ${Number(p.j) + 1} et ${Number(p.i) + 1} identiques : gardez-en un seul`;
    case 'minProperties':
      return `${where}objet vide : au moins ${plural(limit, 'propriété')} attendu`;
    case 'maxProperties':
      return `${where}trop de propriétés : au plus ${limit} ; retirez-en`;
    case 'additionalItems':
      return `${where}liste trop longue : au plus ${plural(limit, 'élément')} ; retirez-en`;
    case 'contains':
      return `${where}aucun élément de la liste ne convient : ajoutez-en un du type attendu`;
    case 'dependencies':
    case 'dependentRequired':
      return `${where}propriété ${quote(String(p.missingProperty))} manquante : obligatoire quand ${quote(String(p.property))} est présente ; ajoutez-la`;
    case 'not':
      return `${where}valeur ${shown(e.data)} non permise ici : corrigez-la`;
    case 'propertyNames':
      return `${where}nom de propriété ${quote(String(p.propertyName))} mal formé : corrigez-le`;
    case 'false schema':
      return `${where}propriété non permise ici : retirez-la`;
    default:
      return `${where}${fallback(e)}`;
  }
}
