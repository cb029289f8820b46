/**
 * A file's size as French readers write it, short enough to sit beside its link: « 80 octets »,
 * « 0,3 ko », « 12 ko », « 1,2 Mo » (decimal units, as file managers show them; a no-break space
 * before the unit).
 */
import { formatDecimal, formatInteger, NBSP } from './number.ts';

export function formatSize(bytes: number): string {
  if (bytes < 100) return `${formatInteger(bytes)}${NBSP}octet${bytes > 1 ? 's' : ''}`;
  const [value, unit] = bytes < 1e6 ? [bytes / 1e3, 'ko'] : [bytes / 1e6, 'Mo'];
  return `${formatDecimal(value, value < 10 ? 1 : 0)}${NBSP}${unit}`;
}
