/**
 * The content check of a build, on a thread of its own (see preflight.ts):
 * the same checkContent as `npm run check`, with the settings of the build
 * that started it (the worker has its environment).
 */
import { parentPort } from 'node:worker_threads';
import { checkContent } from '../lib/check-content.ts';
import { selects } from '../lib/selection.ts';
import { contentDir, selection } from '../lib/settings.ts';
import { transferable } from './preflight.ts';

const started = performance.now();
const chosen = selection();
const result = checkContent(contentDir(), { entryChecksOf: chosen.kind === 'all' ? undefined : (n) => selects(chosen, n) });
parentPort?.postMessage({ ...transferable(result), seconds: (performance.now() - started) / 1000 });
