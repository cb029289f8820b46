import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resealEditions } from './editions.ts';
import { fixtureRoots } from './fixtures.ts';

export { displayPath as shown } from '../../src/data/paths.ts';

/**
 * A throw-away copy of the fixture data (test/helpers/fixtures.ts: the real reference lists and
 * the fictional fixture reports) to break on purpose: each test states the one change it makes,
 * so that the expected message can be traced to it. Never the shipped reports.
 *
 * Released editions are frozen (editions.lock.json): after each change the copy's locks are
 * re-sealed (test/helpers/editions.ts), so that changing a file of a released edition gives the
 * error the test is about, not also the frozen-edition one. The chapters sealed with the data
 * are the fixture chapters of `content`: pass both roots to the validator
 * (`inspectData(copy.dir, copy.content)`, or CEP_DATA_DIR and CEP_CONTENT_DIR). A test about the
 * freezing itself asks for `copyOfData({ frozen: true })`: the locks stay as in the fixture.
 */
export interface DataCopy {
  /** The data root. */
  dir: string;
  /** The content root whose chapters the editions are sealed with. */
  content: string;
  /** CEP_DATA_DIR and CEP_CONTENT_DIR for a command run on the copy. */
  env: { CEP_DATA_DIR: string; CEP_CONTENT_DIR: string };
  /** Rewrites a file's text; fails the test if the change changes nothing. */
  edit(file: string, change: (text: string) => string): string;
  /** Rewrites a JSON file through its parsed value. */
  editJson(file: string, change: (value: any) => void): string;
  /** Writes (or creates) a file with these bytes or this text. */
  write(file: string, content: string | Buffer): string;
  /** Copies a folder of the copy to another place in it (a new edition, as new-version does). */
  copyDir(from: string, to: string): string;
  /** Re-seals the copy's released editions as they are now (done by edit, editJson and write, unless frozen). */
  reseal(): void;
}

export function copyOfData(options: { frozen?: boolean } = {}): DataCopy {
  const { data: dir, content } = fixtureRoots();
  const reseal = () => {
    if (!options.frozen) resealEditions(dir, content);
  };
  return {
    dir,
    content,
    env: { CEP_DATA_DIR: dir, CEP_CONTENT_DIR: content },
    reseal,
    edit(file, change) {
      const target = path.join(dir, file);
      const before = readFileSync(target, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`test fixture: no change made to ${file}`);
      writeFileSync(target, after);
      reseal();
      return target;
    },
    editJson(file, change) {
      return this.edit(file, (text) => {
        const value = JSON.parse(text);
        change(value);
        return `${JSON.stringify(value, null, 2)}\n`;
      });
    },
    write(file, content) {
      const target = path.join(dir, file);
      writeFileSync(target, content);
      reseal();
      return target;
    },
    copyDir(from, to) {
      const target = path.join(dir, to);
      cpSync(path.join(dir, from), target, { recursive: true });
      reseal();
      return target;
    },
  };
}
