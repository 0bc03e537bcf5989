/** Chromium's detector: the first detection is sent as a message (see ReportMode). */
import { startDetector } from './detector';

startDetector('push');
