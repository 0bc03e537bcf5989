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
  ],
  ALLOW_DATA_ATTR: false,
  // http(s), mailto, tel, in-page fragments and relative URLs; data: only for images (checked below).
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
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
 * attribute tables, the config, the hooks) costs about 1–2 ms in a fresh content-script world;
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
