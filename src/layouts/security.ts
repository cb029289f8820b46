/**
 * The Content-Security-Policy of every page: everything from the site's own origin, nothing
 * else. 'wasm-unsafe-eval' lets DuckDB-WASM and Pagefind compile their WebAssembly; inline
 * styles stay allowed because Plot's SVG carries its own <style> and style attributes (no
 * script can be injected through them). No inline script: the build keeps scripts in files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
