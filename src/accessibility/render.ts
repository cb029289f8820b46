/**
 * The results of the automated checks as the declaration shows them (French HTML): a table of
 * the checks with the pages they passed and failed, then every failed rule with its pages,
 * then what the tool could not decide. Written into the built page by scripts/accessibility.ts.
 */
import { escapeHtml } from '../explorer/render.ts';
import { typesetHtml } from '../typography/html.ts';
import { failuresByCheck, REFLOW_WIDTH, rulesAcrossPages, type AccessibilityResults } from './results.ts';

/**
 * The element the page renders where the results go, holding a paragraph that says the checks did
 * not run: it stays so when they did not (a build without Chromium).
 */
const PLACEHOLDER = /(<div [^>]*data-accessibility-results[^>]*>)[\s\S]*?(<\/div>)/;

/** Which pages are checked (built-pages.ts representativePages), as the declaration says it. */
const SAMPLE =
  'toutes, sauf les pages produites sur un même modèle pour chaque édition — pages de provenance des chiffres et graphiques à intégrer — dont chaque famille est représentée par sa première page et sa page la plus lourde';

const when = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso));
const pagesCount = (n: number) => `${n} page${n > 1 ? 's' : ''}`;
const pageLinks = (pages: string[], base: string) =>
  `<ul class="a11y-pages">${pages.map((p) => `<li><a href="${escapeHtml(base + p.slice(1))}">${escapeHtml(p)}</a></li>`).join('')}</ul>`;

function checksTable(results: AccessibilityResults): string {
  const failed = failuresByCheck(results);
  const total = results.pages.length;
  const rows = [
    { name: `Règles automatiques WCAG 2.1 niveaux A et AA (axe-core ${results.tool.version})`, failed: failed.axe },
    { name: `Affichage sur ${REFLOW_WIDTH} px de large sans défilement horizontal (zoom à 400 %, critère RGAA 10.11)`, failed: failed.reflow },
    { name: 'Lien d’évitement atteint par la première tabulation et menant au contenu (critère RGAA 12.7 ; sans objet sur une page sans en-tête ni navigation, comme un graphique à intégrer)', failed: failed.skipLink },
  ];
  const body = rows
    .map((r) => {
      const result = r.failed.length === 0 ? 'Réussi' : 'Échec';
      return `<tr data-check-result="${r.failed.length === 0 ? 'passed' : 'failed'}"><th scope="row">${escapeHtml(r.name)}</th><td>${total}</td><td>${r.failed.length}</td><td>${result}</td></tr>`;
    })
    .join('');
  // At 320 px (400 % zoom) the table scrolls in its own box, which the keyboard can reach.
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="Contrôles automatiques"><table class="a11y-checks"><caption>Contrôles automatiques exécutés sur les pages contrôlées</caption><thead><tr><th scope="col">Contrôle</th><th scope="col">Pages contrôlées</th><th scope="col">Pages en échec</th><th scope="col">Résultat</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function ruleList(results: AccessibilityResults, kind: 'violations' | 'incomplete', base: string): string {
  const rules = rulesAcrossPages(results, kind);
  if (rules.length === 0) return kind === 'violations' ? '<p>Aucune règle d’axe-core n’a échoué.</p>' : '<p>Aucun élément n’est resté à vérifier.</p>';
  const items = rules.map(
    ({ rule, pages }) =>
      `<li><details><summary><code>${escapeHtml(rule.id)}</code> (${pagesCount(pages.length)}) : <span lang="en">${escapeHtml(rule.help)}</span></summary>${pageLinks(pages, base)}</details></li>`,
  );
  return `<ul class="a11y-rules" data-rules="${kind}">${items.join('')}</ul>`;
}

function otherFailures(results: AccessibilityResults, base: string): string {
  const failed = failuresByCheck(results);
  const parts = [];
  if (failed.reflow.length > 0) parts.push(`<p>Pages qui défilent horizontalement sur ${REFLOW_WIDTH} px de large :</p>${pageLinks(failed.reflow, base)}`);
  if (failed.skipLink.length > 0) parts.push(`<p>Pages dont la première tabulation n’atteint pas le lien d’évitement :</p>${pageLinks(failed.skipLink, base)}`);
  return parts.join('');
}

/** The results section's content; `base` is the site's base path (« / » or « /dossier/ »). */
export function resultsHtml(results: AccessibilityResults, base: string): string {
  const html = [
    `<p data-checked-at="${escapeHtml(results.checkedAt)}">Contrôles exécutés le ${escapeHtml(when(results.checkedAt))} (heure de Paris) sur ${pagesCount(results.pages.length)} des ${results.siteTotal} du site (${SAMPLE}), dans ${escapeHtml(results.browser)}, lors de la construction du site. <a href="${escapeHtml(base)}accessibilite/resultats.json">Résultats détaillés (JSON)</a>.</p>`,
    checksTable(results),
    '<h3>Règles en échec</h3>',
    ruleList(results, 'violations', base),
    otherFailures(results, base),
    '<h3>Éléments que l’outil n’a pas pu trancher</h3>',
    '<p>Pour ces règles, axe-core signale des éléments qu’une personne doit examiner (par exemple un contraste sur une image de fond) : ils ne sont comptés ni comme réussis ni comme en échec.</p>',
    ruleList(results, 'incomplete', base),
    `<details><summary>Les ${pagesCount(results.pages.length)} contrôlées</summary>${pageLinks(results.pages.map((p) => p.page), base)}</details>`,
  ].join('');
  return typesetHtml(html) ?? html;
}

/** The built page with its placeholder replaced by the results; throws if the placeholder is missing. */
export function fillResults(pageHtml: string, results: AccessibilityResults, base: string): string {
  if (!PLACEHOLDER.test(pageHtml)) throw new Error("la page de la déclaration d'accessibilité n'a pas d'élément data-accessibility-results où écrire les résultats");
  return pageHtml.replace(PLACEHOLDER, (_, open: string, close: string) => open + resultsHtml(results, base) + close);
}
