import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillChapterDiffs } from '../../src/editions/fill-chapter-diffs.ts';
import { compareBlocks, readerBlocks, wordRuns } from '../../src/editions/text-diff.ts';

describe('the text diff of a chapter as readers see it', () => {
  it('cuts rendered HTML into innermost blocks, skipping figures (tables, charts, their notes)', () => {
    const html = `<h2>Titre</h2><p>Un   texte
      sur deux lignes.</p><ul><li><p>Point un</p></li><li>Point deux</li></ul>
      <section class="key-figures"><dl><div class="stat"><dt>dossiers</dt><dd>1 200</dd></div></dl></section>
      <figure><figcaption>Figure 1</figcaption><svg><text>12</text></svg><div class="notes"><p>Source : X</p></div></figure>
      <table><tr><td><p>cellule</p></td></tr></table>`;
    expect(readerBlocks(html)).toEqual(['Titre', 'Un texte sur deux lignes.', 'Point un', 'Point deux', 'dossiers : 1 200']);
  });

  it('aligns blocks: unchanged ones are left out, a removal beside an addition is a change', () => {
    const changes = compareBlocks(['A', 'Le taux est de 10 %.', 'C'], ['A', 'Le taux est de 11 %.', 'C', 'D']);
    expect(changes.map((c) => c.kind)).toEqual(['changed', 'added']);
    expect(changes[0]!.runs.filter((r) => r.kind !== 'same').map((r) => `${r.kind}:${r.text}`)).toEqual(['del:10', 'ins:11']);
    expect(changes[1]!.runs).toEqual([{ text: 'D', kind: 'ins' }]);
    expect(compareBlocks(['A', 'B'], ['A'])).toEqual([{ kind: 'removed', runs: [{ text: 'B', kind: 'del' }] }]);
  });

  it('shows a block rewritten for the most part as the old text, then the new one', () => {
    expect(wordRuns('Un écart dans la source est signalé.', 'Cette édition corrige le chiffre imprimé.')).toEqual([
      { text: 'Un écart dans la source est signalé.', kind: 'del' },
      { text: ' ', kind: 'same' },
      { text: 'Cette édition corrige le chiffre imprimé.', kind: 'ins' },
    ]);
  });
});

describe('the build fills the edition diff pages with the chapters’ text changes', () => {
  const page = (body: string) => `<!doctype html><html><body><main><article>${body}</article></main></body></html>`;
  const site = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cep-diff-'));
    const write = (file: string, html: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), html);
    };
    write('r/2000/v1/chapitre/index.html', page('<p>Le taux est de 10 %.</p><p>Inchangé.</p>'));
    write('r/2000/v2/chapitre/index.html', page('<p>Le taux est de 11 %.</p><p>Inchangé.</p>'));
    write('r/2000/editions/v1-v2/index.html', '<h2>Chapitres</h2><div data-chapter-diff data-before="r/2000/v1/chapitre" data-after="r/2000/v2/chapitre"></div>');
    return dir;
  };

  it('replaces each placeholder with the changed passages, words marked', () => {
    const dir = site();
    expect(fillChapterDiffs(dir)).toBe(1);
    const html = readFileSync(path.join(dir, 'r/2000/editions/v1-v2/index.html'), 'utf8');
    expect(html).not.toContain('data-chapter-diff');
    expect(html).toContain('<del>10</del><ins>11</ins>');
    expect(html).not.toContain('Inchangé');
  });

  it('fails the build, in French, when a chapter page it compares is missing', () => {
    const dir = site();
    rmSync(path.join(dir, 'r/2000/v2/chapitre'), { recursive: true });
    expect(() => fillChapterDiffs(dir)).toThrow(/r\/2000\/v2\/chapitre\/index\.html : page de chapitre introuvable/);
  });
});
