/**
 * Chapters are data, not programs (src/chapters/): what a chapter's MDX may hold, read with
 * Sätteri as the site reads it, each refusal located at the line and column to change. The
 * chapters are written here, with obviously fake text; the bad-input corpus
 * (cases-chapters.json) runs the same attacks through the validator on the fixture reports.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { literalOf } from '../../src/chapters/literals.ts';
import { COMPONENTS, HTML_ELEMENTS } from '../../src/chapters/mdx-safety.ts';
import { checkChapterSource, checkChapterSources } from '../../src/chapters/source-check.ts';
import { formatIssue } from '../../src/data/issues.ts';
import { contentDir } from '../../src/data/paths.ts';

const HEAD = '---\ntitle: Essai\nsummary: Essai.\n---\n\n';
/** `line:column: message` of each problem of a chapter made of these lines after its front matter (line 6 on). */
const problems = (body: string, head = HEAD) => checkChapterSource('essai.mdx', head + body).map((i) => `${i.line}:${i.column}: ${i.message}`);
/** The start of each message, enough to tell the rules apart. */
const kinds = (body: string) => problems(body).map((p) => p.replace(/ :.*$/s, ''));

describe('a chapter’s MDX is data', () => {
  it('accepts Markdown, the components with literal props, text elements, comments and links to cite sources', () => {
    const body = [
      '## Titre',
      '',
      'Du **texte**, une <abbr title="Sigle fictif">SF</abbr>, un [texte de loi](https://www.legifrance.gouv.fr/) et [une page](/methodologie/).',
      '{/* note de rédaction */}',
      '',
      `<Chart chart="profile-bars" dataset="essai" where={{ dimension: 'sex' }} territories={['28', 'FRM']} />`,
      '<Data dataset="essai" field="count" year={2023} />',
      '<KeyFigure dataset="essai" id="faux" unit={false} />',
      '',
      '![Schéma fictif](/images/schema.png)',
      '',
      '<aside>Encadré</aside>',
    ].join('\n');
    expect(problems(body)).toEqual([]);
  });

  it('refuses import and export at their line', () => {
    expect(kinds("import { readFileSync } from 'node:fs'\n\nexport const x = 1\n")).toEqual(['6:1: import et export ne sont pas permis dans un chapitre', '8:1: import et export ne sont pas permis dans un chapitre']);
  });

  it('refuses expressions but MDX comments, at their column', () => {
    expect(problems('Chemin : {process.env.HOME} {/* ok */}\n')).toEqual([
      '6:10: expression « {process.env.HOME} » refusée : un chapitre ne calcule rien ; écrivez le texte tel quel, un chiffre avec un composant lié aux données (<Value />, <Data />, docs/COMPONENTS.md), un commentaire avec {/* … */}',
    ]);
    expect(kinds('{1 + 1}\n\n{/* a */ x}\n')).toEqual(['6:1: expression « {1 + 1} » refusée', '8:1: expression « {/* a */ x} » refusée']);
  });

  it('refuses computed props, spread props, event handlers and style, each at its attribute', () => {
    const line = '<Data dataset="essai" year={annee()} {...props} onClick={f} style="color: red" />';
    expect(problems(line).map((p) => p.split(' : ')[0] + ' : ' + p.split(' : ')[1]!.split(' ')[0])).toEqual([
      '6:23: <Data> : year={annee()}',
      '6:38: <Data> : attributs',
      '6:49: <Data> : attribut',
      '6:61: <Data> : attribut',
    ]);
    expect(problems(line)[2]).toBe('6:49: <Data> : attribut onClick refusé : un chapitre n\'exécute pas de code ; retirez-le');
    // A `>` in an earlier value does not hide the attribute.
    expect(kinds('<span title="a > b" onMouseOver="x">texte</span>\n')).toEqual(['6:21: <span>']);
  });

  it('refuses elements outside the allowlist, and unknown components', () => {
    for (const tag of ['script', 'style', 'iframe', 'object', 'img', 'div', 'form'])
      expect(kinds(`<${tag} />\n`), tag).toEqual([`6:1: élément <${tag}> non permis dans un chapitre`]);
    expect(kinds('<Graphique />\n')).toEqual(['6:1: composant <Graphique> inconnu']);
  });

  it('refuses javascript:, data: and vbscript: links, and any external resource', () => {
    expect(kinds('[a](javascript:alert(1)) [b](DATA:text/html,x) <a href="vbscript:x">c</a> [d](mailto:faux@example.org)\n')).toEqual([
      '6:1: lien « javascript:alert(1) » refusé',
      '6:26: lien « DATA:text/html,x » refusé',
      '6:51: lien « vbscript:x » refusé',
    ]);
    expect(kinds('<q cite="javascript:x">citation</q> <a href="https://www.legifrance.gouv.fr/">loi</a>\n')).toEqual(['6:4: lien « javascript:x » refusé']);
    expect(kinds('![a](https://tiers.example/a.png) ![b](//tiers.example/b.png)\n\n![c][r]\n\n[r]: https://tiers.example/c.png\n')).toEqual([
      '6:1: image ou ressource externe « https://tiers.example/a.png » refusée',
      '6:35: image ou ressource externe « //tiers.example/b.png » refusée',
      '8:1: image ou ressource externe « https://tiers.example/c.png » refusée',
    ]);
  });

  it('locates an MDX syntax error where the parser stops', () => {
    expect(problems('Texte <!-- commentaire -->\n')).toEqual(["6:7: commentaire HTML <!-- … --> refusé : en MDX, un commentaire s'écrit {/* … */}"]);
    expect(problems('Voir <https://www.legifrance.gouv.fr/>\n')).toEqual(["6:6: lien <https://…> refusé : en MDX, un lien s'écrit [texte](https://…)"]);
    expect(kinds('Texte <span>ouvert\n')).toEqual(['6:7: MDX illisible']);
  });
});

describe('a chapter’s front matter and emptiness', () => {
  it('refuses slug, id and unknown keys at their line, and says what to do', () => {
    const head = '---\ntitle: Essai\nslug: faux/2023/v1/01-essai\n"id": x\nlayout: autre\nsummary: Essai.\n---\n\n';
    expect(problems('Texte.\n', head)).toEqual([
      "3:1: clé « slug » refusée dans l'en-tête : l'adresse d'un chapitre vient de son fichier : retirez slug (pour changer l'adresse, renommez le fichier ; un chapitre d'une édition publiée se corrige dans une nouvelle édition : npm run new-version, voir CONTRIBUTING.md)",
      "4:1: clé « id » refusée dans l'en-tête : l'adresse d'un chapitre vient de son fichier : retirez id (pour changer l'adresse, renommez le fichier ; un chapitre d'une édition publiée se corrige dans une nouvelle édition : npm run new-version, voir CONTRIBUTING.md)",
      "5:1: clé « layout » inconnue dans l'en-tête : un chapitre n'a que title et summary ; retirez layout",
    ]);
  });

  it('asks for a missing front matter or field', () => {
    expect(kinds('Texte.\n').length).toBe(0);
    expect(problems('Texte.\n', '')[0]).toMatch(/^1:1: en-tête manquant : /);
    expect(problems('Texte.\n', '---\ntitle: Essai\n---\n\n')).toEqual(['1:1: en-tête sans summary : ajoutez une ligne « summary: … » entre les deux --- (voir CONTRIBUTING.md)']);
  });

  it('reports an empty or blank chapter at 1:1, not 0:0', () => {
    for (const text of ['', ' \n\n\t\n']) expect(checkChapterSource('vide.mdx', text).map(formatIssue)).toEqual([expect.stringMatching(/^vide\.mdx:1:1: chapitre vide : /)]);
  });
});

describe('literal props', () => {
  it('reads literals, refuses code', () => {
    expect(literalOf("{ dimension: 'sex', 'a-b': [1, -2, true, null] }")).toEqual({ value: { dimension: 'sex', 'a-b': [1, -2, true, null] } });
    expect(literalOf('`texte`')).toEqual({ value: 'texte' });
    for (const code of ['f()', 'process.env.HOME', '`a${b}`', '{ ...x }', '{ [k]: 1 }', '{ a }', '1), (f()', '/x/', 'a = 1'])
      expect(literalOf(code), code).toBeUndefined();
  });
});

describe('the lists follow the site', () => {
  it('knows every component the chapters may use (src/components/mdx-components.ts)', () => {
    const source = readFileSync('src/components/mdx-components.ts', 'utf8');
    const exported = /mdxComponents = \{([^}]*)\}/.exec(source)![1]!.split(',').map((s) => s.trim()).filter(Boolean);
    expect([...COMPONENTS].sort()).toEqual(exported.sort());
    for (const name of COMPONENTS) expect(HTML_ELEMENTS.has(name.toLowerCase())).toBe(false);
  });

  it('accepts every chapter under content/', () => {
    expect(checkChapterSources(contentDir()).map(formatIssue)).toEqual([]);
  });
});
