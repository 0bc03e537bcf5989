/**
 * The overlay's stylesheet, placed in a <style> inside the shadow root (adoptedStyleSheets is
 * unreliable in Firefox content scripts): the theme rules from palettes.ts, then the files of css/ in
 * cascade order. `:host` rules carry !important: they beat page rules and a page script's inline
 * `display:none !important` on the host.
 *
 * Sizes are px or em, never rem: rem follows the page's root font size (a hostile page sets 3 px).
 * 1em on the dialog is the host's `font-size: medium`, the browser's default font size. The article
 * (`main`) takes the reader's text size; the toolbar and settings panel stay at the browser default so
 * that the controls never grow off the screen at XXXL.
 */
import { themeCss } from './palettes';
import dialogCss from './css/dialog.css';
import toolbarCss from './css/toolbar.css';
import articleCss from './css/article.css';
import formCss from './css/form.css';
import mediaCss from './css/media.css';
import printCss from './css/print.css';

export const OVERLAY_CSS = [themeCss(), dialogCss, toolbarCss, articleCss, formCss, mediaCss, printCss].join(
  '',
);
