/**
 * Plot's `plot` for the islands that draw in the browser. Importing the package itself
 * dynamically would bundle all of Plot (every mark, projection and scheme, 376 kB); through
 * this module the chunk holds `plot` and the marks the chart specs name (layouts.ts).
 */
export { plot } from '@observablehq/plot';
