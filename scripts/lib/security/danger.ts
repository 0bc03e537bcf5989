/**
 * Lists what must never be in Lectern's output: scripts, frames, plugins, forms, <base>/<meta>/<link>,
 * inline styles, event-handler attributes and dangerous URLs (javascript:, vbscript:, data: other than
 * data:image/*). Self-contained (no imports, no closures) so e2e tests can run it inside a page with
 * `page.evaluate(findDanger, …)`.
 */
export function findDanger(root: ParentNode): string[] {
  const problems: string[] = [];
  const FORBIDDEN =
    'script, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, base, meta, link, style, template, noscript, svg, math, portal';
  for (const el of Array.from(root.querySelectorAll(FORBIDDEN)))
    problems.push(`<${el.tagName.toLowerCase()}>`);
  const URL_ATTRS = [
    'href',
    'src',
    'srcset',
    'action',
    'formaction',
    'xlink:href',
    'data',
    'poster',
    'background',
    'cite',
    'longdesc',
    'ping',
  ];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`${el.tagName.toLowerCase()}[${name}]`);
      if (name === 'style' || name === 'srcdoc') problems.push(`${el.tagName.toLowerCase()}[${name}]`);
      if (URL_ATTRS.includes(name)) {
        // What the URL parser sees: control characters and whitespace are stripped before the scheme.
        // eslint-disable-next-line no-control-regex -- the URL parser strips exactly these characters
        const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (value.startsWith('javascript:') || value.startsWith('vbscript:'))
          problems.push(`${name}=${value.slice(0, 30)}`);
        if (
          value.startsWith('data:') &&
          !(name === 'src' && /^data:image\/(png|gif|jpe?g|webp|avif);/.test(value))
        ) {
          problems.push(`${name}=${value.slice(0, 30)}`);
        }
      }
    }
  }
  return problems;
}

/**
 * Lists what would let the page's own CSS or script, or its markup, steer the reader once the article
 * sits in the overlay's shadow tree: `<slot>`, `part`/`exportparts`/`slot`/`popover`/`inert`, media that
 * start by themselves, roles and ARIA attributes, references to ids, and URLs with a scheme other than
 * http(s), mailto, tel or data. Self-contained, like `findDanger`, for `page.evaluate`. Run it on the
 * sanitized article only: the overlay's own controls carry roles and ARIA attributes on purpose.
 */
export function findPageHooks(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const el of Array.from(root.querySelectorAll('slot'))) problems.push(`<${el.tagName.toLowerCase()}>`);
  const HOOKS = [
    'part',
    'exportparts',
    'slot',
    'popover',
    'popovertarget',
    'inert',
    'autoplay',
    'loop',
    'role',
    'for',
    'headers',
    'list',
    'commandfor',
  ];
  const URL_ATTRS = ['href', 'src', 'srcset', 'xlink:href', 'poster', 'cite', 'longdesc'];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (HOOKS.includes(name) || name.startsWith('aria-')) problems.push(`${tag}[${name}]`);
      if (URL_ATTRS.includes(name)) {
        // eslint-disable-next-line no-control-regex -- the URL parser strips exactly these characters
        const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        const scheme = /^([a-z][a-z\d+.-]*):/.exec(value)?.[1];
        if (scheme !== undefined && !['http', 'https', 'mailto', 'tel', 'data'].includes(scheme))
          problems.push(`${name}=${value.slice(0, 30)}`);
      }
    }
  }
  return problems;
}
