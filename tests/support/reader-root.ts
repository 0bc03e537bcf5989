/** The reader's closed root for tests: the harness holds it (scripts/ never imports from tests/). */
export { exposeReaderRoot, inReaderRoot } from '../../scripts/lib/harness/reader-root';
