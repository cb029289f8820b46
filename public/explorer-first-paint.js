// Runs before the explorer is parsed (a classic script: the CSP forbids inline ones). A URL that
// asks for a state (any query string) must not first show the prerendered default result: this
// mark hides it until the asked state or its error is on screen (src/styles/explorer-first-paint.css).
if (location.search.length > 1) document.documentElement.setAttribute('data-explorer-asked', '');
