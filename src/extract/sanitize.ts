/**
 * The one sanitizer. DOMPurify runs last: nothing edits the markup after it. This is the only module
 * allowed to parse or write HTML strings (lint enforces it).
 */
import createDOMPurify, { type Config } from 'dompurify';

const CONFIG: Config = {
  RETURN_DOM_FRAGMENT: true,
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'base',
    'meta',
    'link',
    'template',
    'noscript',
    'svg',
    'math',
    'dialog',
    // Shows whatever the page appends to the overlay's host, if the host's shadow tree holds a slot.
    'slot',
  ],
  FORBID_ATTR: [
    // The page's class names mean nothing in the reader (and could match the overlay's own rules).
    'class',
    'style',
    'srcdoc',
    'formaction',
    'action',
    'ping',
    'background',
    'tabindex',
    'autofocus',
    'id',
    'name',
    'contenteditable',
    // Hooks for the page's own CSS and script into the overlay: `::part()` rules reach into shadow
    // trees (a part could cover the reader or load a URL), a slot attribute assigns into one, a popover
    // or inert element escapes to the top layer or deadens the reader.
    'part',
    'exportparts',
    'slot',
    'popover',
    'popovertarget',
    'popovertargetaction',
    'inert',
    // Media start only when the reader asks for it.
    'autoplay',
    'loop',
    // Roles and names come from the overlay and the article's own elements: a page's role or ARIA
    // attribute could make a paragraph announce itself as the reader's "Close" button.
    'role',
    // References to ids: the page's ids are gone, so these could only point at the overlay's own
    // elements (a label naming its settings, a cell described by its title).
    'for',
    'headers',
    'list',
    'usemap',
    'commandfor',
    'command',
  ],
  ALLOW_DATA_ATTR: false,
  // Every aria-* attribute (aria-labelledby and its kin are references to ids, see above).
  ALLOW_ARIA_ATTR: false,
  // http(s), mailto, tel, in-page fragments and relative URLs; data: only for images (checked below).
  // A scheme is a letter, then letters, digits, "+", "-" or "." up to a ":"; a value that starts
  // otherwise, or whose first such run ends in anything but ":", is a relative URL.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z][a-z\d+.-]*(?:[^a-z\d+.\-:]|$))/i,
};

type Purifier = ReturnType<typeof createDOMPurify>;
const purifiers = new WeakMap<Window, Purifier>();

function purifierFor(win: Window): Purifier {
  let p = purifiers.get(win);
  if (!p) {
    p = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    // Parsed once: a config passed to every sanitize() call is rebuilt into sets on every call.
    p.setConfig(CONFIG);
    p.addHook('uponSanitizeAttribute', (_node, data) => {
      // data: URLs only as images, never as links or anything else (the names first: they are cheap).
      const name = data.attrName;
      if (name === 'src' || name === 'srcset') {
        if (
          /^\s*data:/i.test(data.attrValue) &&
          !/^\s*data:image\/(png|gif|jpe?g|webp|avif);/i.test(data.attrValue)
        )
          data.keepAttr = false;
      } else if ((name === 'href' || name === 'xlink:href') && /^\s*data:/i.test(data.attrValue)) {
        data.keepAttr = false;
      }
    });
    p.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A' && (node as Element).hasAttribute('href')) {
        (node as Element).setAttribute('rel', 'noopener noreferrer');
        const href = (node as Element).getAttribute('href') ?? '';
        if (!href.startsWith('#')) (node as Element).setAttribute('target', '_blank');
      }
    });
    purifiers.set(win, p);
  }
  return p;
}

/**
 * Builds the page's sanitizer ahead of the first extraction. DOMPurify's set-up (its tag and
 * attribute tables, the config, the hooks) cost about 1–2 ms in a fresh content-script world (Chromium 156, November 2026);
 * the reader runs this in the gap after its bundle loads, while the background's open request is
 * still on its way, so the opening does not wait for it. Never throws: the extraction builds the
 * sanitizer itself if this did not run.
 */
export function prepareSanitizer(win: Window): void {
  try {
    purifierFor(win);
  } catch {
    // The extraction will try again, and report the failure there.
  }
}

/**
 * Sanitizes a DOM subtree (never a string from the page: Readability's node is passed as is) and
 * returns a fragment. Insert `document.importNode(fragment, true)`, never the fragment's own nodes:
 * in Chromium content scripts the parsed nodes can keep a removed attribute's event handler.
 */
export function sanitizeToFragment(root: Element, win: Window): DocumentFragment {
  const purifier = purifierFor(win);
  return purifier.sanitize(root) as unknown as DocumentFragment;
}

/** Sanitizes an HTML string (tests, Node tools). */
export function sanitizeHtmlToFragment(html: string, win: Window): DocumentFragment {
  return purifierFor(win).sanitize(html) as unknown as DocumentFragment;
}

const NOSCRIPT_IMG_ATTRS = ['src', 'srcset', 'sizes', 'alt', 'width', 'height'];

/**
 * The first image in a `<noscript>` copy whose content is markup text (as it is in a browser with
 * scripting on). Parsed with DOMParser (an inert document: nothing loads, nothing runs), and only the
 * image's plain attributes are copied to a fresh element of `doc`.
 */
export function imageFromNoscriptMarkup(markup: string, doc: Document, win: Window): Element | null {
  if (!/<img\b/i.test(markup)) return null;
  const Parser = (win as Window & { DOMParser?: typeof DOMParser }).DOMParser;
  if (!Parser) return null;
  const parsed = new Parser().parseFromString(markup, 'text/html');
  const source = parsed.querySelector('img');
  if (!source) return null;
  const img = doc.createElement('img');
  for (const name of NOSCRIPT_IMG_ATTRS) {
    const value = source.getAttribute(name);
    if (value !== null) img.setAttribute(name, value);
  }
  return img;
}
