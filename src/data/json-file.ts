import { readFileSync } from 'node:fs';
import {
  findNodeAtLocation,
  parse,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { displayPath } from './paths.ts';
import { quote, type DataIssue } from './issues.ts';

// ajv-formats ships CommonJS: its default export arrives wrapped under tsx and Vite.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv;

/** The official profiles use keywords ajv does not know (propertyOrder, context…): not strict. */
export const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
// The profiles tag long texts with format "textarea", an editor hint, not a constraint.
ajv.addFormat('textarea', true);

export interface JsonFile {
  file: string;
  value: unknown;
  /** Line and column of the value at a JSON path, for messages. */
  locate(path: (string | number)[]): { line: number; column: number };
}

/** Line and column of an offset, by binary search over the offsets where lines start. */
function positions(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

/** Reads strict JSON, keeping the source positions so that every issue can be located. */
export function readJsonFile(absolute: string, issues: DataIssue[]): JsonFile | undefined {
  const file = displayPath(absolute);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch {
    issues.push({ file, line: 1, column: 1, severity: 'error', message: 'fichier introuvable' });
    return undefined;
  }
  // Windows' Notepad starts files with a byte order mark: invisible, harmless, dropped.
  if (text.startsWith('\ufeff')) text = text.slice(1);
  const lineColumn = positions(text);
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    for (const e of errors) {
      issues.push({
        file,
        ...lineColumn(e.offset),
        severity: 'error',
        message: `JSON invalide (${printParseErrorCode(e.error)}) : vérifiez les virgules, guillemets et accolades autour de cette position`,
      });
    }
    return undefined;
  }
  const tree = parseTree(text) as Node;
  return {
    file,
    value,
    locate(path) {
      // Walk up until a node exists: a missing property is reported on its parent object.
      for (let p = path; ; p = p.slice(0, -1)) {
        const node = findNodeAtLocation(tree, p);
        if (node) return lineColumn(node.offset);
        if (p.length === 0) return { line: 1, column: 1 };
      }
    },
  };
}

function describeAjvError(e: ErrorObject): string {
  const where = e.instancePath ? `${quote(e.instancePath.replaceAll('~1', '/').replaceAll('~0', '~'))} : ` : '';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${where}propriété obligatoire ${quote(String(p.missingProperty))} manquante`;
    case 'additionalProperties':
      return `${where}propriété inconnue ${quote(String(p.additionalProperty))}`;
    case 'type':
      return `${where}type attendu : ${String(p.type)}`;
    case 'enum':
      return `${where}valeur attendue parmi : ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'minItems':
      return `${where}au moins ${String(p.limit)} élément(s) attendu(s)`;
    case 'pattern':
      return `${where}la valeur ne respecte pas le motif ${String(p.pattern)}`;
    default:
      return `${where}${e.message ?? e.keyword}`;
  }
}

/** Validates a JSON file against a compiled JSON Schema; each error located in the file. */
export function checkAgainst(
  json: JsonFile,
  validate: ValidateFunction,
  what: string,
  issues: DataIssue[],
): boolean {
  if (validate(json.value)) return true;
  // oneOf/anyOf branches repeat the same problem many times: one message per location, and
  // the enumerations of the branches merged into one list.
  const errors = (validate.errors ?? []).filter((e) => !['oneOf', 'anyOf', 'if', 'const'].includes(e.keyword));
  const allowed = new Map<string, unknown[]>();
  for (const e of errors)
    if (e.keyword === 'enum') allowed.set(e.instancePath, [...(allowed.get(e.instancePath) ?? []), ...(e.params.allowedValues as unknown[])]);
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'enum') e.params = { allowedValues: allowed.get(e.instancePath) };
    else if (allowed.has(e.instancePath)) continue;
    // A JSON Pointer: « ~1 » stands for « / » and « ~0 » for « ~ » in a property name.
    const path: (string | number)[] = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replaceAll('~1', '/').replaceAll('~0', '~')));
    if (e.keyword === 'additionalProperties') path.push(String(e.params.additionalProperty));
    const message = `${what} : ${describeAjvError(e)}`;
    const key = `${e.instancePath}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ file: json.file, ...json.locate(path), severity: 'error', message });
  }
  return false;
}
