/**
 * Figures typed in a chapter's prose instead of being bound to the data. Tags (components and
 * their attributes) are taken out first; what remains may hold digits only in years, calendar
 * dates and legal references.
 */
const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';

/** What may be written with digits in the prose. */
const ALLOWED = [
  // Legal references first: they hold numbers that look like years (« n° 2018-771 »).
  /\b(?:articles?|art\.)\s+(?:[LRD]\.?\s?)?\d+(?:[-–]\d+)*(?:\s+(?:et|à)\s+(?:[LRD]\.?\s?)?\d+(?:[-–]\d+)*)*/giu,
  /\b[LRD]\.\s?\d{3,4}(?:-\d+)+/gu, // « L. 6111-6 »
  /\bn°\s?\d+(?:[-–]\d+)*/giu, // « loi n° 2018-771 »
  new RegExp(`\\b\\d{1,2}(?:er)?\\s+(?:${MONTHS})\\b`, 'giu'), // calendar dates
  /\b(?:19|20)\d{2}\b/g, // years, and year ranges « 2020-2023 »
];

export interface TypedFigure {
  line: number;
  column: number;
  text: string;
}

export function typedFigures(mdx: string): TypedFigure[] {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, (front) => front.replace(/[^\n]/g, ' '));
  // Blank out tags and link targets, keeping line breaks so that line numbers stay true.
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let prose = body
    .replace(/<[A-Za-z/][^>]*>/g, blank)
    .replace(/\]\([^)]*\)/g, blank)
    .replace(/^(?:import|export)\s.*$/gm, blank);
  for (const pattern of ALLOWED) prose = prose.replace(pattern, blank);
  const found: TypedFigure[] = [];
  prose.split('\n').forEach((line, i) => {
    const match = line.match(/[^\s]*\d[^\s]*/);
    if (match) found.push({ line: i + 1, column: match.index! + 1, text: match[0] });
  });
  return found;
}
