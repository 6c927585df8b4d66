/**
 * The content check before a build (the preflight), and how its verdict
 * reaches Astro.
 *
 * In `astro build` the check runs on a worker thread, alongside Astro's own
 * start-up and content sync rather than before them: on a network of
 * thousands of entries it takes seconds, and the machine has a second core
 * with nothing to do. Astro's loaders wait for its verdict before they finish
 * (content.config.ts, `contentChecked`), so an editor still sees the check's
 * report, which says what to fix, rather than a loader's, and no page is
 * rendered from content the check refused. In development and `astro sync`
 * it runs in place, as before.
 */
import { Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger } from 'astro';
import { keepWholeContent, scopeProblems, selectContent, selectionProblems } from '../lib/build-scope.ts';
import type { ContentCheck } from '../lib/check-content.ts';
import type { LoadedContent } from '../lib/content-files.ts';
import { ContentError, formatReport, leftOutByBuild, sortProblems, type Problem } from '../lib/problems.ts';
import { describeSelection, type Selection } from '../lib/selection.ts';

/** What crosses from the worker: the check without its line finders (functions cannot be sent), which only the check needs. */
export interface CheckedContent {
	problems: Problem[];
	loaded: LoadedContent;
}

export function transferable(result: ContentCheck): CheckedContent {
	return { problems: result.problems, loaded: { ...result.loaded, sources: new Map() } };
}

/** Run the check on a worker thread: `worker` is preflight-worker.ts. */
export function checkOnWorker(worker: URL): Promise<CheckedContent & { seconds: number }> {
	return new Promise((resolve, reject) => {
		const thread = new Worker(worker);
		thread.once('message', (message: CheckedContent & { seconds: number }) => resolve(message));
		thread.once('error', reject);
		thread.once('exit', (code) => {
			if (code !== 0) reject(new Error(`The content check stopped unexpectedly (exit code ${code}); run "npm run check" to see why.`));
		});
	});
}

/**
 * What the build makes of the check: the content it builds, or the error that
 * stops it. Warnings and what is being built are logged here.
 */
export function verdict(checked: CheckedContent, chosen: Selection, logger: AstroIntegrationLogger): { loaded: LoadedContent; error?: Error } {
	const loaded = selectContent(checked.loaded, chosen);
	// The pages that list every neighbourhood need the ones a preview or shard leaves out.
	if (chosen.kind !== 'all') keepWholeContent(checked.loaded);
	// Unsafe HTML in Markdown is left out of the pages: reported, but it does not stop the build.
	reportRemoved(checked.problems.filter(leftOutByBuild), logger);
	const scoped = scopeProblems(checked.problems.filter((p) => !leftOutByBuild(p)), chosen, checked.loaded.root);
	reportWarnings(scoped.warnings, logger);
	if (scoped.elsewhere.length) {
		logger.warn(`${scoped.elsewhere.length} ${scoped.elsewhere.length === 1 ? 'problem' : 'problems'} in other neighbourhoods, left out of this preview ("npm run check" lists them).`);
	}
	const wrongSelection = selectionProblems(chosen, checked.loaded, 'GUIDE_ONLY');
	if (wrongSelection.length) return { loaded, error: quiet(new Error(wrongSelection.join('\n'))) };
	if (chosen.kind !== 'all') {
		logger.info(`Building ${describeSelection(chosen)}: ${loaded.neighbourhoods.length} of ${checked.loaded.neighbourhoods.length} neighbourhoods.`);
	}
	// The message is the whole report; a stack trace would only hide it.
	return { loaded, error: scoped.errors.length ? quiet(new ContentError(scoped.errors)) : undefined };
}

/** An error whose message says it all: no stack trace to hide it. */
export function quiet(error: Error): Error {
	error.stack = '';
	return error;
}

/** More warnings than this are counted, not all listed: a network's build log must stay readable. */
const WARNINGS_LISTED = 30;

function reportWarnings(warnings: readonly Problem[], logger: AstroIntegrationLogger) {
	if (warnings.length === 0) return;
	const listed = sortProblems(warnings).slice(0, WARNINGS_LISTED);
	const more = warnings.length - listed.length;
	logger.warn(
		`${warnings.length} ${warnings.length === 1 ? 'thing' : 'things'} to look at (the guides still build):\n${formatReport(listed)}` +
			(more > 0 ? `\n\n...and ${more} more: "npm run check" lists them all.` : ''),
	);
}

/** Unsafe HTML and links in Markdown: the sanitiser leaves them out of the pages, and the build carries on. */
function reportRemoved(removed: readonly Problem[], logger: AstroIntegrationLogger) {
	if (removed.length === 0) return;
	logger.warn(
		`${removed.length} unsafe ${removed.length === 1 ? 'thing is' : 'things are'} left out of the pages (fix them: "npm run check" fails until they are gone):\n${formatReport(removed)}`,
	);
}

/*
 * The verdict, shared with the content config. Astro loads the integration and
 * the content config as separate module instances in one process, so it is
 * kept on globalThis under a registered symbol.
 */
const GATE = Symbol.for('good-life-guides.content-check');

type Gate = { [GATE]?: Promise<void> };

/** Open the gate when the check has passed; rejecting it stops every loader that waits on it. */
export function setContentCheck(verdict: Promise<void>): void {
	// Loaders may not be waiting yet when it fails: no "unhandled rejection" for that.
	verdict.catch(() => {});
	(globalThis as Gate)[GATE] = verdict;
}

/** Waits for the build's content check, and throws its report when it found errors. Nothing to wait for outside a build. */
export async function contentChecked(): Promise<void> {
	await (globalThis as Gate)[GATE];
}
