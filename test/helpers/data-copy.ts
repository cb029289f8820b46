import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export { displayPath as shown } from '../../src/data/paths.ts';

/**
 * A throw-away copy of data/ to break on purpose: each test states the one change it makes,
 * so that the expected message can be traced to it.
 */
export function copyOfData(): { dir: string; edit(file: string, change: (text: string) => string): string } {
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
  };
}
