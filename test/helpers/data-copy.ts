import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentDir } from '../../src/data/paths.ts';
import { resealEditions } from './editions.ts';

export { displayPath as shown } from '../../src/data/paths.ts';

/**
 * A throw-away copy of data/ to break on purpose: each test states the one change it makes,
 * so that the expected message can be traced to it.
 *
 * Released editions are frozen (editions.lock.json): after each change the copy's locks are
 * re-sealed (test/helpers/editions.ts), so that changing a file of a released edition gives the
 * error the test is about, not also the frozen-edition one. The chapters sealed with the data
 * are those the validator reads by default (content/, or CEP_CONTENT_DIR). A test about the
 * freezing itself asks for `copyOfData({ frozen: true })`: the locks stay as shipped.
 */
export interface DataCopy {
  dir: string;
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
  const dir = mkdtempSync(path.join(tmpdir(), 'cep-data-'));
  cpSync(path.resolve('data'), dir, { recursive: true });
  const reseal = () => {
    if (!options.frozen) resealEditions(dir, contentDir());
  };
  return {
    dir,
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
