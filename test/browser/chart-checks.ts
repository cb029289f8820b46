/**
 * What a reader sees of every chart of a page, checked in the page itself: for the SVG on
 * screen (one size of two), no text outside the drawing, no text over another, no text drawn
 * smaller than 11 px, and a Lecture sentence under the figure. Returns the problems found, as
 * « figure id: what ». Passed to `page.evaluate`: self-contained, no helper outside it.
 */
export function chartProblems(minFontPx: number): string[] {
  const problems: string[] = [];
  for (const figure of document.querySelectorAll<HTMLElement>('figure.chart')) {
    const shown = [...figure.querySelectorAll<SVGSVGElement>('.chart-svg > svg')].filter((s) => s.getBoundingClientRect().width > 0);
    if (shown.length !== 1) problems.push(`${figure.id}: ${shown.length} SVG shown, 1 expected`);
    const lecture = figure.querySelector('[data-role="lecture"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (!/^Lecture : .{10,}/.test(lecture)) problems.push(`${figure.id}: no Lecture sentence under the chart`);
    for (const svg of shown) {
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent!.trim() !== '');
      const rects = texts.map((t) => ({ text: t.textContent!.trim(), r: t.getBoundingClientRect() }));
      for (const [i, { text, r }] of rects.entries()) {
        const size = parseFloat(getComputedStyle(texts[i]!).fontSize) * scale;
        if (size < minFontPx - 0.05) problems.push(`${figure.id}: « ${text} » drawn at ${size.toFixed(1)} px`);
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
          problems.push(`${figure.id}: « ${text} » outside the drawing`);
        for (const { text: other, r: o } of rects.slice(i + 1)) {
          const w = Math.min(r.right, o.right) - Math.max(r.left, o.left);
          const h = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
          if (w > 0.5 && h > 0.5) problems.push(`${figure.id}: « ${text} » over « ${other} »`);
        }
      }
    }
  }
  return problems;
}
