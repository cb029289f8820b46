/**
 * The chart as a file: Plot's SVG inside a frame that carries what a reused image must say by
 * itself: its title above; Champ, Source, licence and edition below. Text is wrapped with the
 * widths of text-metrics.ts (they err wide), so nothing runs out of the frame.
 */
import { LICENCE } from '../print/cover.ts';
import { WIDE_SIZE } from './sizes.ts';
import { wrapText } from './text-metrics.ts';

interface FrameTexts {
  title: string;
  champ: string;
  sources: string[];
  /** The edition's citation line (chart-citation.ts). */
  citation: string;
}

export const LICENCE_LINE = `Licence : ${LICENCE.text}, réutilisation libre en citant la source`;
const PAD = 16;
const TITLE_SIZE = 16;
const NOTE_SIZE = 12;
const LINE = 1.35;
const FONT = "system-ui, 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/** The width of a framed chart drawn at `plotWidth`; the files' charts are drawn at the wide size. */
const framedWidth = (plotWidth: number) => plotWidth + 2 * PAD;
export const FRAMED_WIDE_WIDTH = framedWidth(WIDE_SIZE.width);

/** Text or an attribute value as XML (and HTML) reads it; apostrophes are kept as typed. */
export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Bold glyphs are wider than the regular ones text-metrics.ts measures (DejaVu Sans Bold: ~12 %). */
const BOLD_WIDTH = 1.15;

/** Each text wrapped to the width, as `<text>` lines from `top`; returns them and the height used. */
function block(texts: string[], top: number, width: number, size: number, bold = false): { svg: string; height: number } {
  const lines = texts.flatMap((t) => wrapText(t, bold ? width / BOLD_WIDTH : width, size));
  const attrs = bold ? ' font-weight="bold"' : ' fill="#333"';
  const svg = lines.map((line, i) => `<text x="${PAD}" y="${(top + size + i * size * LINE).toFixed(1)}" font-size="${size}"${attrs}>${escapeXml(line)}</text>`).join('');
  return { svg, height: lines.length * size * LINE };
}

/** The footer lines, in the order of the notes under the chart on the page. */
function footerLines({ champ, sources, citation }: FrameTexts): string[] {
  return [...(champ ? [`Champ : ${champ}`] : []), ...(sources.length ? [`${sources.length > 1 ? 'Sources' : 'Source'} des données : ${sources.join(' ; ')}`] : []), LICENCE_LINE, citation];
}

/** A standalone SVG: the frame around Plot's `<svg>` (its width and height read from it). */
export function framedSvg(plotSvg: string, texts: FrameTexts): string {
  const plotWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(plotSvg)?.[1]);
  const plotHeight = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(plotSvg)?.[1]);
  if (!plotWidth || !plotHeight) throw new Error('framedSvg : le SVG de Plot n’a pas de largeur ou de hauteur');
  const width = framedWidth(plotWidth);
  const textWidth = plotWidth;
  const title = block([texts.title], PAD, textWidth, TITLE_SIZE, true);
  const plotTop = PAD + title.height + 8;
  const footer = block(footerLines(texts), plotTop + plotHeight + 12, textWidth, NOTE_SIZE);
  const height = Math.ceil(plotTop + plotHeight + 12 + footer.height + PAD);
  const nested = plotSvg.replace(/^<svg\b/, `<svg x="${PAD}" y="${plotTop.toFixed(1)}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" role="img">`,
    `<title>${escapeXml(texts.title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    title.svg,
    nested,
    `<line x1="${PAD}" x2="${width - PAD}" y1="${plotTop + plotHeight + 6}" y2="${plotTop + plotHeight + 6}" stroke="#ccc"/>`,
    footer.svg,
    '</svg>',
  ].join('');
}
