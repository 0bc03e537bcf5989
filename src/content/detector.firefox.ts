/** Firefox's detector: the background pulls the first detection (see ReportMode). */
import { startDetector } from './detector';

startDetector('pull');
