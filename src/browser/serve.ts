/**
 * Serves a built site with `astro preview` on a free local port, for the tools that drive
 * Chromium over it (PDF, screenshots, benchmarks, browser tests). `--ignore-lock`: Astro
 * otherwise refuses a second preview server of the same project.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { basePath } from '../site/deploy.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Served {
  url: string;
  stop(): void;
}

export async function serve(outDir: string, port?: number): Promise<Served> {
  const p = port ?? (await freePort());
  const child = spawn('npx', ['astro', 'preview', '--ignore-lock', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(p)], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    detached: true,
    stdio: 'ignore',
  });
  // The site's root, under the base path it was built for.
  const url = `http://127.0.0.1:${p}${basePath().replace(/\/$/, '')}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGTERM');
      throw new Error(`astro preview did not answer on ${url}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => process.kill(-child.pid!, 'SIGTERM') };
}
