/**
 * French number formatting, one place for text, tables and chart axes.
 * The characters are fixed here rather than left to Intl, whose output changes with the ICU
 * version of the runtime: narrow no-break space (U+202F) between thousands, decimal comma,
 * no-break space (U+00A0) before % and units.
 */
import { formatLocale } from 'd3-format';
import { defaultDecimals, type Unit } from '../indicators/model.ts';

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

export type { Unit };

/** +2,5 / −3,1 / 0,0: a sign on every non-zero value once rounded, a true minus sign. */
export function formatSigned(value: number | null | undefined, digits = 1): string {
  if (isMissing(value)) return MISSING;
  const rounded = formatDecimal(Math.abs(value), digits);
  if (/^[0,]+$/.test(rounded)) return rounded;
  return `${value > 0 ? '+' : '\u2212'}${rounded}`;
}

/**
 * A value in the unit of its indicator: « 147 693 », « 80,9 % », « +2,5 % » (a variation),
 * « −1,2 point » / « +3,0 points » (percentage points: plural from 2), « 146,5 » (an index).
 */
export function formatValue(value: number | null | undefined, unit: Unit, digits = defaultDecimals[unit]): string {
  if (isMissing(value)) return MISSING;
  switch (unit) {
    case 'count':
      return digits === 0 ? formatInteger(value) : formatDecimal(value, digits);
    case 'percent':
      return formatPercent(value, digits);
    case 'variation':
      return `${formatSigned(value, digits)}${NBSP}%`;
    case 'points': {
      const plural = Math.abs(Number(value.toFixed(digits))) >= 2;
      return `${formatSigned(value, digits)}${NBSP}point${plural ? 's' : ''}`;
    }
    case 'index':
      return formatDecimal(value, digits);
  }
}

/** Decimals a published figure was printed with (12.4 → 1, 45 → 0), to show it as printed. */
export function decimalsOf(value: number): number {
  const text = String(value);
  return text.includes('.') ? Math.min(text.length - text.indexOf('.') - 1, 3) : 0;
}

/** A published figure with the precision it was printed with: 12.4 → « 12,4 », 2030162 → « 2 030 162 ». */
export function formatPublished(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  return formatDecimal(value, decimalsOf(value));
}

/**
 * A figure with its unit as the data states it: « % des bénéficiaires » is glued to the number
 * (« 40 % des bénéficiaires »), any other unit follows after a no-break space.
 */
export function formatWithUnit(value: number | null | undefined, unit: string): string {
  const number = formatPublished(value);
  if (number === MISSING) return number;
  if (unit.startsWith('%')) return `${number}${NBSP}%${unit.slice(1)}`;
  return unit ? `${number}${NBSP}${unit}` : number;
}
