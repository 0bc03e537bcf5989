/** When the detector script began to run: imported first, so evaluated before anything else of ours. */

/**
 * The `lectern:detect` measure starts here on load, so it counts the whole script (its modules, the
 * extension API's first use, detection, the message, the watchers), not only the detection.
 */
export const scriptStart = performance.now();
