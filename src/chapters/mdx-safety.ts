/**
 * Chapters are data, not programs: MDX could import modules, run expressions and write any HTML
 * at build time, with the build's rights. A chapter may hold Markdown, the site's components with
 * literal props (docs/COMPONENTS.md), a few text elements, and MDX comments; anything else is
 * refused here, at its line and column, with what to write instead.
 */
import { quote } from '../data/issues.ts';
import { attributeOffset, attributeValue, isElement, walk, type Finding, type MdxAttribute, type MdxNode } from './mdx-tree.ts';

/** The components of src/components/mdx-components.ts, which chapters use without importing them. */
export const COMPONENTS: ReadonlySet<string> = new Set(['Category', 'Chart', 'Data', 'DataTable', 'Discrepancy', 'KeyFigure', 'KeyFigures', 'Stat', 'Value']);

/** Text-level HTML a chapter may write (the shipped chapters use aside, p, span, strong). */
export const HTML_ELEMENTS: ReadonlySet<string> = new Set(
  ['a', 'abbr', 'aside', 'b', 'blockquote', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'ul'],
);

/** Attributes that name a place to go, and a resource to load: their URL is checked. */
const LINK_ATTRIBUTES = new Set(['href', 'cite']);
const RESOURCE_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'action', 'formaction', 'data']);
/** An MDX comment `{/* … *\/}`, the only expression a chapter may hold. */
const COMMENT_ONLY = /^\s*(?:\/\*[\s\S]*?\*\/\s*)+$/;
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;
const SAFE_LINK_SCHEMES = new Set(['http', 'https', 'mailto']);

const short = (code: string) => (code.length > 60 ? `${code.slice(0, 57)}…` : code).replace(/\s+/g, ' ');
const LITERAL_EXAMPLES = `year={2023}, unit={false}, territories={['28', 'FRM']}, where={{ dimension: 'sex' }}`;

/** Why a link's URL is refused, or undefined: pages (relative, https) and mail addresses only. */
export function linkProblem(url: string): string | undefined {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || SAFE_LINK_SCHEMES.has(scheme)) return undefined;
  return `lien ${quote(short(url))} refusé : un lien mène à une page (https://…, ou une page du site /…) ou à une adresse électronique (mailto:…) ; les adresses ${scheme}: ne sont pas permises`;
}

/** Why a resource the page would load (an image) is refused: anything not served by the site itself. */
export function resourceProblem(url: string): string | undefined {
  if (!SCHEME.test(url) && !url.trim().startsWith('//')) return undefined;
  return `image ou ressource externe ${quote(short(url))} refusée : le site et ses PDF ne chargent rien d'un autre site ; enregistrez le fichier dans public/ et écrivez ![description du contenu](/chemin/du/fichier)`;
}

function attributeProblem(element: string, attribute: MdxAttribute): string | undefined {
  if (attribute.type === 'mdxJsxExpressionAttribute')
    return `<${element}> : attributs ${quote(`{${short(attribute.value as string)}}`)} refusés : écrivez chaque attribut avec sa valeur (dataset="…", year={2023})`;
  const name = attribute.name!;
  if (/^on/i.test(name)) return `<${element}> : attribut ${name} refusé : un chapitre n'exécute pas de code ; retirez-le`;
  if (name === 'style') return `<${element}> : attribut style refusé : la mise en forme vient de la feuille de style du site ; retirez-le (pour insister : **gras**, *italique*)`;
  if (name === 'dangerouslySetInnerHTML') return `<${element}> : attribut ${name} refusé : écrivez le texte dans le chapitre`;
  const literal = attributeValue(attribute);
  if (!literal)
    return `<${element}> : ${name}={${short((attribute.value as { value: string }).value)}} refusé : un chapitre ne calcule rien, seules des valeurs littérales sont permises (${LITERAL_EXAMPLES}) ; écrivez la valeur elle-même`;
  if (COMPONENTS.has(element) || typeof literal.value !== 'string') return undefined;
  if (LINK_ATTRIBUTES.has(name.toLowerCase())) return linkProblem(literal.value);
  return RESOURCE_ATTRIBUTES.has(name.toLowerCase()) ? resourceProblem(literal.value) : undefined;
}

function elementFindings(text: string, node: MdxNode): Finding[] {
  const name = node.name ?? '';
  const offset = node.position?.start.offset ?? 0;
  if (!COMPONENTS.has(name) && !HTML_ELEMENTS.has(name)) {
    const known = /^[A-Z]/.test(name)
      ? `composant <${name}> inconnu : attendu un de ${[...COMPONENTS].join(', ')} (docs/COMPONENTS.md)`
      : `élément <${name}> non permis dans un chapitre : il n'exécute pas de code et ne charge rien d'un autre site ; écrivez du Markdown (**gras**, [lien](https://…), ![image](/chemin)), un composant (${[...COMPONENTS].join(', ')}) ou un élément de texte (${[...HTML_ELEMENTS].join(', ')})`;
    return [{ offset, message: known }];
  }
  return (node.attributes ?? []).flatMap((attribute) => {
    const message = attributeProblem(name, attribute);
    return message ? [{ offset: attributeOffset(text, node, attribute), message }] : [];
  });
}

function nodeFindings(text: string, node: MdxNode, definitions: Map<string, string>): Finding[] {
  const offset = node.position?.start.offset ?? 0;
  const at = (message: string | undefined) => (message ? [{ offset, message }] : []);
  switch (node.type) {
    case 'mdxjsEsm':
      return at(`import et export ne sont pas permis dans un chapitre : un chapitre est du texte, pas un programme, et les composants s'utilisent sans import (docs/COMPONENTS.md) ; retirez ${quote(short((node.value ?? '').split('\n')[0]!))}`);
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return COMMENT_ONLY.test(node.value ?? '')
        ? []
        : at(`expression ${quote(`{${short(node.value ?? '')}}`)} refusée : un chapitre ne calcule rien ; écrivez le texte tel quel, un chiffre avec un composant lié aux données (<Value />, <Data />, docs/COMPONENTS.md), un commentaire avec {/* … */}`);
    case 'html':
      return at(`HTML brut refusé : écrivez du Markdown ou un composant (docs/COMPONENTS.md)`);
    case 'link':
    case 'definition':
      return at(linkProblem(node.url ?? ''));
    case 'image':
      return at(resourceProblem(node.url ?? ''));
    case 'imageReference':
      return at(resourceProblem(definitions.get(node.identifier ?? '') ?? ''));
    default:
      return isElement(node) ? elementFindings(text, node) : [];
  }
}

/** What a chapter holds that is not allowed, in source order. */
export function unsafeContent(text: string, tree: MdxNode): Finding[] {
  const nodes = [...walk(tree)];
  const definitions = new Map(nodes.filter((n) => n.type === 'definition').map((n) => [n.identifier ?? '', n.url ?? '']));
  return nodes.flatMap((node) => nodeFindings(text, node, definitions)).sort((a, b) => a.offset - b.offset);
}
