import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typesetHtml, typesetText, typographyFindings } from '../../src/typography/html.ts';
import { typesetSite } from '../../src/typography/integration.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
/** A page whose body is `body`, typeset; the body back. */
const typeset = (body: string) => {
  const out = typesetHtml(`<!doctype html><html lang="fr"><head><title>t</title></head><body>${body}</body></html>`);
  return out === null ? null : /<body>(.*)<\/body>/su.exec(out)![1];
};

describe('French typography of the built pages', () => {
  it.each([
    ['95,8 %', `95,8${NBSP}%`],
    ['12%', `12${NBSP}%`],
    [`12${NNBSP}%`, `12${NBSP}%`],
    ['17 177 jeunes', `17${NNBSP}177 jeunes`],
    [`2 030 162`, `2${NNBSP}030${NNBSP}162`],
    ['« ensemble »', `«${NBSP}ensemble${NBSP}»`],
    ['«ensemble»', `«${NBSP}ensemble${NBSP}»`],
    ['Source : AGORA', `Source${NBSP}: AGORA`],
    ['résultat :CSV', `résultat${NBSP}: CSV`],
    ['Qui sont-ils ? Tous ; enfin !', `Qui sont-ils${NNBSP}? Tous${NNBSP}; enfin${NNBSP}!`],
    ["l'opérateur d'Occitanie", 'l’opérateur d’Occitanie'],
    ['(Data Package),31 jeux', '(Data Package), 31 jeux'],
    ['septembre 2024 ·édition v2', 'septembre 2024 · édition v2'],
    ['Licence Ouverte 2.0· Explorer', 'Licence Ouverte 2.0 · Explorer'],
    ['la DEFM (+ 4.6 % entre juin 2019 et juin 2020)', `la DEFM (+4,6${NBSP}% entre juin 2019 et juin 2020)`],
    ['un recul de -2.50 %', `un recul de −2,50${NBSP}%`],
    ['une part de 4.6 %', `une part de 4,6${NBSP}%`],
  ])('%j → %j', (text, expected) => {
    expect(typesetText(text)).toBe(expected);
  });

  it.each([
    'en 2020 300 dossiers',
    'de 2019 à 2023',
    '95,8 dossiers',
    'version 2.0 du fichier',
    'voir https://www.example.fr/a,b?c=1;d=2 ou www,exemple.fr',
    'écrire à contact@example.fr',
    `« ensemble »`.replace(/ /g, NBSP),
  ])('leaves %j as it is', (text) => {
    expect(typesetText(text)).toBe(text);
  });

  it('reads a sentence across its inline elements: a figure, then « % » typed after it', () => {
    expect(typeset('<p>soit <data value="62">62</data> % des <em>bénéficiaires</em></p>')).toBe(`<p>soit <data value="62">62</data>${NBSP}% des <em>bénéficiaires</em></p>`);
  });

  it('does not join the text of two blocks, cells or chart labels', () => {
    expect(typeset('<table><tr><td>12</td><td>% des dossiers</td></tr></table><svg><text>1</text><text>253</text></svg>')).toBeNull();
  });

  it('leaves code, scripts and styles, and attributes other than aria-label, title and alt', () => {
    const body = `<pre>a : b</pre><code>l'id</code><script type="application/json">{"a":"l'x : 12 %"}</script><style>a::after{content:"; "}</style><a href="/x?a=1;b=2" data-x="l'a">lien</a>`;
    expect(typeset(body)).toBeNull();
    expect(typeset(`<figure aria-label="Part d'entrées : 12 %"><img alt="l'image" src="a.png"></figure>`)).toBe(
      `<figure aria-label="Part d’entrées${NBSP}: 12${NBSP}%"><img alt="l’image" src="a.png"></figure>`,
    );
  });

  it('writes back only the changed text: the rest of the page stays as built', () => {
    expect(typeset(`<p data-x='{"a":1}' class=x>l&#39;a &amp; b<br/>12 %</p>`)).toBe(`<p data-x='{"a":1}' class=x>l’a &amp; b<br/>12${NBSP}%</p>`);
  });

  it('the build pass rewrites the pages that need it, and only those', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'typography-'));
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'index.html'), '<!doctype html><p>Source : ici</p>');
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><p>Rien${NBSP}: ici</p>`);
    writeFileSync(path.join(dir, 'data.json'), '{"a": "Source : ici"}');
    expect(await typesetSite(dir)).toEqual({ pages: 2, rewritten: 1 });
    expect(readFileSync(path.join(dir, 'a', 'index.html'), 'utf8')).toBe(`<!doctype html><p>Source${NBSP}: ici</p>`);
    expect(readFileSync(path.join(dir, 'data.json'), 'utf8')).toBe('{"a": "Source : ici"}');
  });

  it('the check reports what the pass fixes, with the page and an excerpt; nothing once fixed', () => {
    const page = '<!doctype html><html lang="fr"><head><title>t</title></head><body><p>Il y a 17 177 jeunes : 62 % du total.</p></body></html>';
    const findings = typographyFindings(page, '/exemple/');
    expect(findings.map((f) => f.rule)).toEqual(['percent', 'thousands', 'colon']);
    expect(findings[0]).toMatchObject({ page: '/exemple/', message: expect.stringContaining('%'), excerpt: expect.stringContaining('62 % du total') });
    const fixed = typesetHtml(page)!;
    expect(typographyFindings(fixed, '/exemple/')).toEqual([]);
    expect(typesetHtml(fixed)).toBeNull();
  });
});
