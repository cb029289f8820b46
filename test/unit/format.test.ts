import { describe, expect, it } from 'vitest';
import { formatDecimal, formatInteger, formatPercent, formatValue } from '../../src/format/number.ts';

// Exact characters: U+202F between thousands, U+00A0 before %, U+2212 for minus.
describe('French number formatting', () => {
  it('groups thousands with a narrow no-break space', () => {
    expect(formatInteger(147693)).toBe('147\u202f693');
    expect(formatInteger(3238520)).toBe('3\u202f238\u202f520');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(-2181)).toBe('\u22122\u202f181');
  });

  it('writes percentages with a decimal comma and a no-break space before %', () => {
    expect(formatPercent(80.94429529361581)).toBe('80,9\u00a0%');
    expect(formatPercent(9.9)).toBe('9,9\u00a0%');
    expect(formatPercent(100)).toBe('100,0\u00a0%');
    expect(formatPercent(2.3162, 2)).toBe('2,32\u00a0%');
  });

  it('rounds for display only, to the digits asked', () => {
    expect(formatDecimal(81.55333, 1)).toBe('81,6');
    expect(formatDecimal(1234.5, 0)).toBe('1\u202f235');
    expect(formatDecimal(0.04, 1)).toBe('0,0');
  });

  it('shows a missing value as n.d., never as zero', () => {
    expect(formatInteger(null)).toBe('n.d.');
    expect(formatPercent(undefined)).toBe('n.d.');
    expect(formatDecimal(Number.NaN)).toBe('n.d.');
    expect(formatValue(null, 'count')).toBe('n.d.');
  });

  it('formats by unit', () => {
    expect(formatValue(12479, 'count')).toBe('12\u202f479');
    expect(formatValue(8.449, 'percent')).toBe('8,4\u00a0%');
  });
});

describe('signed formats: variations and percentage points', () => {
  it('signs a variation with + or a true minus sign, and no sign on zero once rounded', () => {
    expect(formatValue(2.5, 'variation')).toBe('+2,5\u00a0%');
    expect(formatValue(-3.14, 'variation')).toBe('\u22123,1\u00a0%');
    expect(formatValue(0.04, 'variation')).toBe('0,0\u00a0%');
    expect(formatValue(-0.04, 'variation')).toBe('0,0\u00a0%');
    expect(formatValue(146.47, 'variation', 0)).toBe('+146\u00a0%');
  });

  it('writes percentage points, singular below 2', () => {
    expect(formatValue(1.2, 'points')).toBe('+1,2\u00a0point');
    expect(formatValue(-1.96, 'points')).toBe('\u22122,0\u00a0points');
    expect(formatValue(6.638, 'points')).toBe('+6,6\u00a0points');
    expect(formatValue(null, 'points')).toBe('n.d.');
  });

  it('writes an index and a count with decimals as numbers', () => {
    expect(formatValue(246.48, 'index')).toBe('246,5');
    expect(formatValue(37.6, 'count', 1)).toBe('37,6');
  });
});
