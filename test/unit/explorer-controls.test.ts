import { describe, expect, it } from 'vitest';
import { facetValues, filterFieldsetHtml, labelMatches, SEARCHABLE_FROM } from '../../src/explorer/filter-list.ts';
import { facetQuery, type Column } from '../../src/explorer/query.ts';
import { pagerHtml, resultHtml, type Result } from '../../src/explorer/render.ts';
import { resultLayout } from '../../src/explorer/result-layout.ts';
import type { ExplorerView, ViewField } from '../../src/explorer/views.ts';

// Fictional values only.
const field: ViewField = { name: 'zone', title: 'Zone <fictive>', type: 'string', role: 'facet', label: 'zone_label' };
const values = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `z${i}`, label: `Zône ${i} "x"`, count: i + 1 }));

describe('explorer filter lists', () => {
  it('reads the facet query’s rows, with their counts', () => {
    const view = { table: 'v_x', fields: [field] } as unknown as ExplorerView;
    expect(facetQuery(view, field).sql).toContain('CAST(COUNT(*) AS DOUBLE) AS n');
    expect(facetValues([{ value: 'z1', label: 'Zone 1', n: 1234 }, { value: 7, label: null, n: 1 }])).toEqual([
      { value: 'z1', label: 'Zone 1', count: 1234 },
      { value: '7', label: '7', count: 1 },
    ]);
  });

  it('writes checkboxes with counts in a fieldset, escaped, « Tout effacer » only when something is checked', () => {
    const html = filterFieldsetHtml(field, [...values(2), { value: 'z9', label: 'Grande', count: 1234 }], new Set(['z1']));
    expect(html).toContain('<legend>Zone &lt;fictive&gt;</legend>');
    expect(html).toContain('value="z1" checked');
    expect(html).not.toContain('value="z0" checked');
    expect(html).toContain('<span class="filter-label">Zône 0 &quot;x&quot;</span> <span class="filter-count">(1<span class="visually-hidden"> ligne</span>)</span>');
    expect(html).toContain('(1\u202f234<span class="visually-hidden"> lignes</span>)');
    expect(html).toMatch(/data-control="clear-filter" data-field="zone">/);
    expect(filterFieldsetHtml(field, values(2), new Set())).toMatch(/data-control="clear-filter" data-field="zone" hidden>/);
  });

  it('offers a search field from nine values, matching without case or accents', () => {
    expect(filterFieldsetHtml(field, values(SEARCHABLE_FROM - 1), new Set())).not.toContain('filter-search');
    expect(filterFieldsetHtml(field, values(SEARCHABLE_FROM), new Set())).toContain('data-control="filter-search"');
    expect(labelMatches('Pôle Zèbre', ' pole ZEB')).toBe(true);
    expect(labelMatches('Pôle Zèbre', 'cap')).toBe(false);
  });
});

describe('explorer result layout', () => {
  const columns: Column[] = [
    { name: 'doc', title: 'Tableau', label: 'doc_label', numeric: false, percent: false },
    { name: 'who', title: 'Qui', numeric: false, percent: false },
    { name: 'n', title: 'Nombre', numeric: true, percent: false },
  ];
  const long = 'Un titre de tableau fictif bien plus long que trente-deux caractères';
  const rows = (docs: string[]) => docs.map((d, i) => ({ doc: d, doc_label: d === 'a' ? long : `${long} (bis)`, who: `q${i}`, n: i }));
  const result = (r: ReturnType<typeof rows>, more: Partial<Result> = {}): Result => ({ columns, rows: r, count: r.length, page: 1, pageSize: 25, ...more });

  it('says a long label once per run of rows, as the header of its rows', () => {
    expect(resultLayout(columns, rows(['a', 'a', 'b', 'b'])).hoisted.map((c) => c.name)).toEqual(['doc']);
    const html = resultHtml(result(rows(['a', 'a', 'b', 'b'])), 'Fictif');
    expect(html.match(/<tbody>/g)).toHaveLength(2);
    expect(html.match(/scope="rowgroup"/g)).toHaveLength(2);
    expect(html).not.toContain('<th scope="col"><button type="button" class="sort" data-sort="doc"');
  });

  it('keeps the column when the runs are short (a sorted mix) or the labels short', () => {
    expect(resultLayout(columns, rows(['a', 'b', 'a', 'b'])).hoisted).toEqual([]);
    const short = rows(['a', 'a']).map((r) => ({ ...r, doc_label: 'Court' }));
    expect(resultLayout(columns, short).hoisted).toEqual([]);
  });

  it('stacks a short and wide result on a phone, scrolls a long one', () => {
    const wide: Column[] = [columns[1]!, ...['a', 'b', 'c'].map((n) => ({ name: n, title: n, numeric: true, percent: false }))];
    expect(resultLayout(wide, [{ who: 'x', a: 1, b: 2, c: 3 }]).phone).toBe('stack');
    expect(resultLayout(wide, Array.from({ length: 7 }, () => ({ who: 'x', a: 1, b: 2, c: 3 }))).phone).toBe('scroll');
  });

  it('disables the sort buttons of the prerendered result only', () => {
    expect(resultHtml(result(rows(['a'])), 'x', { live: false })).toMatch(/class="sort" data-sort="who" disabled>/);
    expect(resultHtml(result(rows(['a'])), 'x')).not.toContain('disabled');
  });
});

describe('explorer pager', () => {
  const page = (count: number, p = 1): Result => ({ columns: [], rows: [], count, page: p, pageSize: 25 });
  it('is absent when the result fits one page', () => {
    expect(pagerHtml(page(25))).toBe('');
    expect(pagerHtml(page(0))).toBe('');
  });
  it('says « Page n sur N », previous disabled on the first page, next on the last', () => {
    expect(pagerHtml(page(26))).toContain('<span class="pager-text">Page 1 sur 2</span>');
    expect(pagerHtml(page(26))).toMatch(/data-control="previous" disabled>/);
    expect(pagerHtml(page(26, 2))).toMatch(/data-control="next" disabled>/);
    expect(pagerHtml(page(26, 2))).not.toMatch(/data-control="previous" disabled>/);
  });
});
