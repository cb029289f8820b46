/**
 * French number formatting, one place for text, tables and chart axes.
 * The characters are fixed here rather than left to Intl, whose output changes with the ICU
 * version of the runtime: narrow no-break space (U+202F) between thousands, decimal comma,
 * no-break space (U+00A0) before % and units.
 */
import { formatLocale } from 'd3-format';

export const NNBSP = '\u202f';
export const NBSP = '\u00a0';
/** Shown where the source gives no value: « non disponible ». */
export const MISSING = 'n.d.';

const fr = formatLocale({
  decimal: ',',
  thousands: NNBSP,
  grouping: [3],
  currency: ['', `${NBSP}€`],
  minus: '\u2212',
});

const integer = fr.format(',d');
const decimals = [0, 1, 2, 3].map((d) => fr.format(`,.${d}f`));

function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || Number.isNaN(value);
}

/** 147693 → « 147 693 ». */
export function formatInteger(value: number | null | undefined): string {
  return isMissing(value) ? MISSING : integer(Math.round(value));
}

/** 9.94, 1 → « 9,9 ». Rounding is for display only. */
export function formatDecimal(value: number | null | undefined, digits = 1): string {
  if (isMissing(value)) return MISSING;
  const f = decimals[digits];
  if (!f) throw new Error(`invalid digits: ${digits}`);
  return f(value);
}

/** A value already in percent: 80.944 → « 80,9 % ». */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  return isMissing(value) ? MISSING : `${formatDecimal(value, digits)}${NBSP}%`;
}

export type Unit = 'count' | 'percent';

export function formatValue(value: number | null | undefined, unit: Unit): string {
  return unit === 'percent' ? formatPercent(value) : formatInteger(value);
}
