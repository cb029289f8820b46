/** Where the build looks for Chromium on each system (src/browser/chromium.ts), with a fake file system. */
import { describe, expect, it } from 'vitest';
import { chromiumMissing, findChromium } from '../../src/browser/chromium.ts';

const only = (...files: string[]) => (file: string) => files.includes(file);

describe('findChromium', () => {
  it.each([
    ['linux', '/usr/bin/chromium'],
    ['linux', '/usr/bin/chromium-browser'],
    ['linux', '/usr/bin/google-chrome'],
    ['linux', '/snap/bin/chromium'],
    ['darwin', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['darwin', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['win32', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    ['win32', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
  ] as const)('finds %s’s %s', (platform, file) => {
    expect(findChromium({ platform, env: {}, exists: only(file) })).toBe(file);
  });

  it('reads Program Files from the environment on Windows', () => {
    const file = 'D:\\Programmes\\Google\\Chrome\\Application\\chrome.exe';
    expect(findChromium({ platform: 'win32', env: { PROGRAMFILES: 'D:\\Programmes' }, exists: only(file) })).toBe(file);
  });

  it('prefers the first usual path', () => {
    expect(findChromium({ platform: 'linux', env: {}, exists: only('/snap/bin/chromium', '/usr/bin/chromium') })).toBe('/usr/bin/chromium');
  });

  it('takes CHROMIUM_PATH over the usual paths', () => {
    expect(findChromium({ platform: 'linux', env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, exists: only('/opt/chrome/chrome', '/usr/bin/chromium') })).toBe('/opt/chrome/chrome');
  });

  it('does not fall back to another browser when CHROMIUM_PATH names a missing file', () => {
    expect(findChromium({ platform: 'linux', env: { CHROMIUM_PATH: '/opt/nothing' }, exists: only('/usr/bin/chromium') })).toBeUndefined();
  });

  it('finds nothing where nothing is installed', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(findChromium({ platform, env: {}, exists: () => false })).toBeUndefined();
  });

  it('says in French what to do', () => {
    expect(chromiumMissing({})).toBe(
      'Chromium introuvable aux emplacements habituels ; installez Chromium ou Google Chrome (apt-get install chromium sous Debian) ou indiquez son chemin dans CHROMIUM_PATH',
    );
    expect(chromiumMissing({ CHROMIUM_PATH: '/opt/nothing' })).toBe('Chromium introuvable : CHROMIUM_PATH vaut « /opt/nothing », qui n\'existe pas ; corrigez ce chemin');
  });
});
