/** Firefox's detector: the background pulls the first detection (ReportMode in src/shared/pull.ts). */
import { startDetector } from './detector';
import { leaveForPull } from '../shared/pull';

startDetector(leaveForPull);
