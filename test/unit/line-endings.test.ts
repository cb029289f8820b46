/**
 * Released editions are hashed byte for byte (editions.lock.json): their files must reach every
 * checkout with the same line endings. Git for Windows converts text to CRLF unless the
 * repository's .gitattributes says otherwise.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' });

describe('line endings of the data and the chapters', () => {
  const files = git('ls-files', '-z', '--', 'data', 'content').split('\0').filter(Boolean);

  it('every text file under data/ and content/ is checked out with LF, whatever core.autocrlf says', () => {
    expect(files.length).toBeGreaterThan(0);
    const attributes = git('check-attr', '-z', 'eol', '--', ...files).split('\0');
    const notLf: string[] = [];
    for (let i = 0; i + 2 < attributes.length; i += 3) if (attributes[i + 2] !== 'lf') notLf.push(attributes[i]!);
    expect(notLf).toEqual([]);
  });

  it('and is stored with LF in the repository', () => {
    const crlf = git('ls-files', '--eol', '--', 'data', 'content')
      .split('\n')
      .filter((line) => /^i\/(crlf|mixed)\b/.test(line));
    expect(crlf).toEqual([]);
  });
});
