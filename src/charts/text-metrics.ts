/**
 * Approximate text widths, for margins and line breaks computed before drawing (the server has
 * no fonts to measure with). Widths are in ems, rounded up from DejaVu Sans and Helvetica, the
 * widest of the sans-serif fonts a reader's `system-ui` resolves to: an estimate errs wide, so
 * that a label never runs outside the chart.
 */
const NARROW = new Set([...'iljIf.,;:!|\'’()[]/ \u00a0\u202f']);
const SEMI = new Set([...'rt-«»"']);
const WIDE = new Set([...'mwMW%@']);

function charWidth(char: string): number {
  if (NARROW.has(char)) return 0.34;
  if (SEMI.has(char)) return 0.45;
  if (WIDE.has(char)) return 0.95;
  if (/[0-9]/.test(char)) return 0.64;
  if (char !== char.toLowerCase()) return 0.74;
  return 0.6;
}

/** Width in pixels of one line of text at a font size. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * fontSize;
}

/** Lines of at most `maxWidth` pixels, broken between words (a word longer than that stands alone). */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** The widest line of a set of texts, each possibly on several lines (`\n`). */
export function widestLine(texts: string[], fontSize: number): number {
  return Math.max(0, ...texts.flatMap((t) => t.split('\n')).map((l) => textWidth(l, fontSize)));
}
