/**
 * One CSV cell against its Table Schema field: typed value, constraint problems, and a message
 * that tells the editor what was expected. Numbers follow the field's `decimalChar` and
 * `groupChar` (v2), so that exports from French spreadsheets are read when declared.
 */
import type { Field } from './descriptors.ts';
import { textProblem } from './formula.ts';
import { quote } from './issues.ts';

export type Cell = string | number | boolean | null;

/** Spaces a French spreadsheet puts between thousands: plain, no-break, narrow no-break. */
const SPACES = [' ', '\u00a0', '\u202f'];

function numberText(field: Field, text: string): string | undefined {
  let t = text;
  const group = field.groupChar;
  if (group) for (const g of group === ' ' ? SPACES : [group]) t = t.replace(new RegExp(`(?<=\\d)${escape(g)}(?=\\d{3}(\\D|$))`, 'gu'), '');
  if (field.type === 'number' && (field.decimalChar ?? '.') !== '.') {
    if (t.includes('.')) return undefined;
    t = t.replace(field.decimalChar!, '.');
  }
  return t;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The typed value, or undefined when the text is not of the field's type. */
export function cast(field: Field, text: string): Cell | undefined {
  switch (field.type) {
    case 'string':
      return text;
    case 'integer': {
      const t = numberText(field, text);
      return t !== undefined && /^-?\d+$/.test(t) ? Number(t) : undefined;
    }
    case 'number': {
      const t = numberText(field, text);
      return t !== undefined && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
      const d = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text) ? text : undefined;
    }
  }
}

/** What the editor should have written, with the fix for the usual spreadsheet habits. */
export function expectedText(field: Field, text: string): string {
  const decimal = field.decimalChar ?? '.';
  switch (field.type) {
    case 'integer':
      return field.groupChar
        ? `un entier (ex. 12479 ou 12${field.groupChar === ' ' ? ' ' : field.groupChar}479)`
        : `un entier écrit avec des chiffres seuls (ex. 12479), sans espace ni séparateur de milliers${
            /^\d{1,3}([ \u00a0\u202f]\d{3})+$/u.test(text) ? ` ; si le fichier groupe les milliers, déclarez "groupChar": " " sur le champ` : ''
          }`;
    case 'number':
      if (decimal === '.' && /^-?\d+,\d+$/.test(text))
        return `un nombre avec un point décimal (ex. 80.9) ; si le fichier vient d'un tableur français, déclarez "decimalChar": "," sur le champ`;
      return `un nombre avec ${decimal === '.' ? 'un point' : `« ${decimal} »`} comme séparateur décimal (ex. 80${decimal}9), sans espace ni séparateur de milliers`;
    case 'date':
      return 'une date AAAA-MM-JJ (ex. 2024-01-01)';
    case 'boolean':
      return 'true ou false';
    case 'string':
      return 'un texte';
  }
}

/** A problem with a typed value, or undefined when it satisfies the field's constraints. */
export function constraintProblem(field: Field, value: Cell): string | undefined {
  const c = field.constraints ?? {};
  if (value === null) return c.required ? 'valeur obligatoire manquante' : undefined;
  if (typeof value === 'number') {
    if (c.minimum !== undefined && value < c.minimum) return `valeur ${quote(String(value))} trop petite : minimum ${c.minimum}`;
    if (c.maximum !== undefined && value > c.maximum) return `valeur ${quote(String(value))} trop grande : maximum ${c.maximum}`;
  }
  if (c.enum && !c.enum.includes(value as string | number))
    return `valeur ${quote(String(value))} non autorisée : attendu ${c.enum.join(', ')}`;
  if (typeof value === 'string') {
    if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value)) return `valeur ${quote(value)} mal formée : motif attendu ${c.pattern}`;
    // A cell read as a formula by a spreadsheet when the data is downloaded, or holding an invisible control.
    const problem = textProblem(value, { multiline: true });
    if (problem) return `valeur ${problem}`;
  }
  return undefined;
}
