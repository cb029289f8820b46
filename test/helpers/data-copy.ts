import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export { displayPath as shown } from '../../src/data/paths.ts';

/**
 * A throw-away copy of data/ to break on purpose: each test states the one change it makes,
 * so that the expected message can be traced to it.
 */
export interface DataCopy {
  dir: string;
  /** Rewrites a file's text; fails the test if the change changes nothing. */
  edit(file: string, change: (text: string) => string): string;
  /** Rewrites a JSON file through its parsed value. */
  editJson(file: string, change: (value: any) => void): string;
}

export function copyOfData(): DataCopy {
  const dir = mkdtempSync(path.join(tmpdir(), 'cep-data-'));
  cpSync(path.resolve('data'), dir, { recursive: true });
  return {
    dir,
    edit(file, change) {
      const target = path.join(dir, file);
      const before = readFileSync(target, 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`test fixture: no change made to ${file}`);
      writeFileSync(target, after);
      return target;
    },
    editJson(file, change) {
      return this.edit(file, (text) => {
        const value = JSON.parse(text);
        change(value);
        return `${JSON.stringify(value, null, 2)}\n`;
      });
    },
  };
}
