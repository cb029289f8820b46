// Runs before the explorer is parsed (a classic script: the CSP forbids inline ones). A URL that
// asks for a state (any query string) must not first show the prerendered default result: this
// mark hides it until the asked state or its error is on screen (src/styles/explorer-first-paint.css).
// It also starts fetching the data the state needs (the view's CSV or the indicator's values), so
// that they arrive while the explorer's script loads; the island's fetch() takes the preloaded response.
(function () {
  if (location.search.length <= 1) return;
  document.documentElement.setAttribute('data-explorer-asked', '');
  var script = document.currentScript;
  var params = new URLSearchParams(location.search);
  var indicator = params.get('indicateur');
  var file = indicator !== null ? script.dataset.indicators + encodeURIComponent(indicator) + '.json' : script.dataset.views + encodeURIComponent(params.get('vue') || script.dataset.defaultView) + '.csv';
  var link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = file;
  document.head.appendChild(link);
})();
