/**
 * The JSON files we read (descriptors, report.json, locks, rules, indicators, content/essentiel.json):
 * strict JSON in UTF-8, no key twice in an object, checked against a JSON Schema, every problem
 * located and phrased in French (json-messages.ts).
 */
import { findNodeAtLocation, parse, parseTree, visit, type Node, type ParseError } from 'jsonc-parser';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { displayPath } from './paths.ts';
import { quote, type DataIssue } from './issues.ts';
import { describeAjvError, describeParseError } from './json-messages.ts';
import { positions, readUtf8Text } from './text-file.ts';

// ajv-formats ships CommonJS: its default export arrives wrapped under tsx and Vite.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv) => Ajv;

/**
 * The official profiles use keywords ajv does not know (propertyOrder, context…): not strict.
 * Verbose: each error carries the value found, which the French messages quote.
 */
export const ajv = addFormats(new Ajv({ allErrors: true, strict: false, verbose: true }));
// The profiles tag long texts with format "textarea", an editor hint, not a constraint.
ajv.addFormat('textarea', true);

export interface JsonFile {
  /** As messages show it. */
  file: string;
  /** Where it is read from: the files it names are beside it. */
  absolute: string;
  value: unknown;
  /** Line and column of the value at a JSON path, for messages. */
  locate(path: (string | number)[]): { line: number; column: number };
}

/** Each key that appears twice in one object, located at its second occurrence. */
function duplicateKeys(text: string, lineColumn: (offset: number) => { line: number; column: number }): { key: string; offset: number; first: number }[] {
  const found: { key: string; offset: number; first: number }[] = [];
  const objects: Map<string, number>[] = [];
  visit(text, {
    onObjectBegin: () => void objects.push(new Map()),
    onObjectEnd: () => void objects.pop(),
    onObjectProperty: (key, offset) => {
      const keys = objects.at(-1)!;
      const first = keys.get(key);
      if (first === undefined) keys.set(key, offset);
      else found.push({ key, offset, first: lineColumn(first).line });
    },
  });
  return found;
}

/**
 * Reads strict JSON in UTF-8, keeping the source positions so that every issue can be located.
 * A key written twice in one object is refused: JSON parsers keep the last one silently.
 */
export function readJsonFile(absolute: string, issues: DataIssue[]): JsonFile | undefined {
  const file = displayPath(absolute);
  const text = readUtf8Text(absolute, issues);
  if (text === undefined) return undefined;
  const lineColumn = positions(text);
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    for (const e of errors) {
      issues.push({
        file,
        ...lineColumn(e.offset),
        severity: 'error',
        message: describeParseError(e.error),
      });
    }
    return undefined;
  }
  const duplicates = duplicateKeys(text, lineColumn);
  for (const d of duplicates)
    issues.push({
      file,
      ...lineColumn(d.offset),
      severity: 'error',
      message: `clé ${quote(d.key)} en double (déjà ligne ${d.first}) : la seconde remplacerait la première ; gardez-en une`,
    });
  if (duplicates.length > 0) return undefined;
  const tree = parseTree(text) as Node;
  return {
    file,
    absolute,
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
