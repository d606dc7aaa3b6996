/** The static server the tests serve builds with (shared with the benchmarks). */
export { serveStatic, type RunningServer } from '../../scripts/lib/static-server.ts';
