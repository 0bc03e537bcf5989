/** Chromium's detector: the first detection is sent as a message (ReportMode in src/shared/pull.ts). */
import { startDetector } from './detector';

startDetector();
