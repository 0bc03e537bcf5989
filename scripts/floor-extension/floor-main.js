// Not shipped, and not a way Lectern could work: floor.js's first touch of the page, from the page's
// own world ("world": "MAIN" in manifest.json), where the page's scripts have already built the DOM's
// wrappers. It runs after floor.js, in the same load, so that the bench can set the two worlds' first
// touch side by side (the wrappers are built per world, so the order does not favour either; the
// reading after it would, on warm caches, so it is not repeated here). It reports nothing: the page's
// world has no extension API, and whatever a script calls or leaves there the page can see. Lectern
// stays in its isolated world: a page that could see it would learn that its reader uses an
// accessibility tool, and its checks would run on the page's own, possibly patched, built-ins.
(() => {
  const start = performance.now();
  const root = document.documentElement;
  const touched = performance.now();
  if (root) performance.measure('lectern:floor:page-world:touch', { start, end: touched });
})();
