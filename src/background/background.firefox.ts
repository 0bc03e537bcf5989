/** Firefox's background: it pulls the detector's first detection once a tab has loaded (see ReportMode). */
import { startBackground } from './index';

startBackground('pull');
