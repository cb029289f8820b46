/**
 * Serves a built site with `astro preview` on a free local port, for the tools that drive
 * Chromium over it (PDF, screenshots, benchmarks, browser tests). `--ignore-lock`: Astro
 * otherwise refuses a second preview server of the same project. No time limit: on a busy
 * machine the server may take long to start; it is ready when it has printed its address and
 * that address answers, and it has failed only when it exits.
 */
import { createServer } from 'node:net';
import type { Browser } from 'playwright-core';
import { launch } from './chromium.ts';
import { basePath } from '../site/deploy.ts';
import { start, stop, type Child } from '../build/children.ts';

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
  /** Stops the server's whole process group and waits for it to exit. */
  stop(): Promise<void>;
}

// Vite moves to the next port when the one asked for was taken meanwhile: read the one it says.
const ADDRESS = /http:\/\/127\.0\.0\.1:(\d+)/;
const ANSI = /\u001b\[[0-9;]*m/g;

/** The port the server prints, or an error with its output when it exits first. */
function printedPort(server: Child): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      const port = ADDRESS.exec(output.replace(ANSI, ''))?.[1];
      if (port) resolve(Number(port));
    };
    server.process.stdout!.on('data', read);
    server.process.stderr!.on('data', read);
    void server.exited.then(({ code, signal }) => reject(new Error(`astro preview s'est arrêté (${signal ?? `code ${code}`}) avant de servir le site :\n${output.trim()}`)));
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

export interface ServeOptions {
  port?: number;
  /** Sent with every file, e.g. the deployment's DEPLOYED_CACHE_CONTROL; by default, Vite's `no-cache`. */
  cacheControl?: string;
}

export async function serve(outDir: string, { port, cacheControl }: ServeOptions = {}): Promise<Served> {
  const p = port ?? (await freePort());
  const server = start('npx', ['astro', 'preview', '--ignore-lock', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(p)], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(cacheControl ? { CEP_PREVIEW_CACHE_CONTROL: cacheControl } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  void server.exited.then(() => (exited = true));
  try {
    const printed = await printedPort(server);
    // The site's root, under the base path it was built for.
    const url = `http://127.0.0.1:${printed}${basePath().replace(/\/$/, '')}`;
    while (!(await answers(`${url}/`))) {
      if (exited) throw new Error(`astro preview s'est arrêté avant de répondre sur ${url}/`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { url, stop: async () => void (await stop(server)) };
  } catch (error) {
    await stop(server);
    throw error;
  }
}

/**
 * Runs `work` with the built site served and Chromium launched, for the build's steps (PDFs,
 * accessibility checks): both are closed after it, and on `signal` (the build's SIGINT, SIGTERM,
 * SIGHUP) Chromium is closed at once, so that the step stops.
 */
export async function withServedBrowser<T>(outDir: string, signal: AbortSignal | undefined, work: (browser: Browser, siteUrl: string) => Promise<T>): Promise<T> {
  const site = await serve(outDir);
  try {
    // The build handles signals itself (Playwright's own handlers would exit before its cleanup).
    const browser = await launch(signal ? { handleSignals: false } : {});
    const closeOnAbort = () => void browser.close();
    signal?.addEventListener('abort', closeOnAbort);
    try {
      return await work(browser, site.url);
    } finally {
      signal?.removeEventListener('abort', closeOnAbort);
      await browser.close();
    }
  } finally {
    await site.stop();
  }
}
