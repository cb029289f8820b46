/**
 * French typography of the text readers see, as rules: one list that both fixes the text
 * (src/typography/html.ts, over the built pages) and reports what is wrong (the check the
 * tests run over dist/). A rule's match is a finding exactly when its fix changes it, so the
 * fixed text has no finding. The characters are those of src/format/number.ts: narrow
 * no-break space (U+202F) between thousands and before « ; ! ? », no-break space (U+00A0)
 * before « % » and « : » and inside guillemets.
 */
import { formatValue, NBSP, NNBSP } from '../format/number.ts';

export interface TypographyRule {
  id: string;
  /** What is wrong, in French, for the check's findings. */
  message: string;
  /** Global, unicode; lookarounds give the context, the match is what gets replaced. */
  pattern: RegExp;
  fix: (match: string) => string;
}

/** A space that may break a line (or a narrow one where a full no-break space is due). */
const BREAKABLE = '[ \\t\\n\\r]+';

/** « + 4.6 % » → « +4,6 % »: a figure printed with a decimal point, through the house format. */
function frenchDecimal(match: string): string {
  const [, sign = '', digits = ''] = /^([+\-−]?)\s?([\d.]+)/u.exec(match) ?? [];
  const value = Number(digits) * (sign === '-' || sign === '−' ? -1 : 1);
  const decimals = digits.length - digits.indexOf('.') - 1;
  return formatValue(value, sign ? 'variation' : 'percent', decimals);
}

export const rules: readonly TypographyRule[] = [
  {
    id: 'decimal-point',
    message: 'pourcentage écrit avec un point décimal : virgule attendue (« 4,6 % »)',
    pattern: /(?<![\d.,])(?:[+\-−]\s?)?\d+\.\d+\s?%/gu,
    fix: frenchDecimal,
  },
  {
    id: 'percent',
    message: 'espace insécable attendue entre le nombre et « % »',
    pattern: new RegExp(`(?<=\\d)(?:${BREAKABLE}|\u202f|)(?=%)`, 'gu'),
    fix: () => NBSP,
  },
  {
    id: 'thousands',
    message: 'espace fine insécable attendue entre les milliers (« 17 177 »)',
    pattern: /(?<![\d.,\u202f])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d\u202f])/gu,
    fix: (match) => match.replace(/[ \u00a0]/gu, NNBSP),
  },
  {
    id: 'guillemet-open',
    message: 'espace insécable attendue après « « »',
    pattern: new RegExp(`«(?:${BREAKABLE}|\u202f|(?!\\s))`, 'gu'),
    fix: () => `«${NBSP}`,
  },
  {
    id: 'guillemet-close',
    message: 'espace insécable attendue avant « » »',
    pattern: new RegExp(`(?:${BREAKABLE}|\u202f|(?<!\\s))»`, 'gu'),
    fix: () => `${NBSP}»`,
  },
  {
    id: 'colon',
    message: 'espace insécable attendue avant « : »',
    pattern: new RegExp(`(?:${BREAKABLE}|\u202f)(?=:)`, 'gu'),
    fix: () => NBSP,
  },
  {
    id: 'after-colon',
    message: 'espace manquante après « : »',
    pattern: /(?<=\s:)(?=[\p{L}\p{N}«(])/gu,
    fix: () => ' ',
  },
  {
    id: 'semicolon-exclamation-question',
    message: 'espace fine insécable attendue avant « ; », « ! » et « ? »',
    pattern: new RegExp(`(?:${BREAKABLE}|\u00a0|(?<=[\\p{L}\\p{N})»%]))(?=[;!?])`, 'gu'),
    fix: () => NNBSP,
  },
  {
    id: 'after-comma',
    message: 'espace manquante après la virgule',
    pattern: /(?<=[^\d\s],)(?=[\p{L}\p{N}])/gu,
    fix: () => ' ',
  },
  {
    id: 'after-separator',
    message: 'espace manquante après le séparateur « · »',
    pattern: /(?<=\s·)(?=\S)/gu,
    fix: () => ' ',
  },
  {
    id: 'before-separator',
    message: 'espace manquante avant le séparateur « · »',
    pattern: /(?<=\S)(?=·\s)/gu,
    fix: () => ' ',
  },
  {
    id: 'apostrophe',
    message: 'apostrophe typographique attendue (’)',
    pattern: /(?<=\p{L})'(?=\p{L})/gu,
    fix: () => '’',
  },
];

/** Addresses (web, e-mail, a bare domain, even mistyped « www,exemple.fr ») are left as they are typed. */
const PROTECTED = /\b(?:https?:\/\/|www[.,])\S+|[\w.+-]+@[\w-]+\.[\w.-]+|\b[\w.-]+\.(?:fr|com|org|net|eu|gouv|info)\b\S*/gu;

export interface Match {
  rule: TypographyRule;
  index: number;
  text: string;
  fixed: string;
}

/** The matches of one rule that its fix would change, outside addresses. */
export function matchesOf(rule: TypographyRule, text: string): Match[] {
  const protectedRanges = [...text.matchAll(PROTECTED)].map((m) => [m.index, m.index + m[0].length] as const);
  const inAddress = (start: number, end: number) => protectedRanges.some(([a, b]) => start < b && end > a);
  const found: Match[] = [];
  for (const m of text.matchAll(rule.pattern)) {
    const fixed = rule.fix(m[0]);
    if (fixed !== m[0] && !inAddress(m.index, m.index + Math.max(m[0].length, 1))) found.push({ rule, index: m.index, text: m[0], fixed });
  }
  return found;
}
