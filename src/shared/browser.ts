/**
 * The one import of the extension API. webextension-polyfill passes through to the native promise-based
 * `browser` namespace in Firefox and recent Chrome and wraps `chrome.*` elsewhere. Only entry files and
 * the adapters in src/shared import this module (lint enforces it for src/extract and src/overlay).
 */
import browser from 'webextension-polyfill';

export default browser;
export type { Browser, Runtime, Tabs, Storage } from 'webextension-polyfill';
