/** Chromium's background: its detector sends the first detection (see ReportMode). */
import { startBackground } from './index';

startBackground('push');
