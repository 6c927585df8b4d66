// @ts-check
/**
 * Astro's console output (astro.config.mjs, `logger`), with one change: a
 * build lists the first PAGES_LISTED pages it writes, one line each, and then
 * only counts them. Everything else (warnings, errors, each route as it
 * starts, the stages, the total of pages) is as Astro prints it.
 *
 * A network of hundreds of neighbourhoods builds tens of thousands of pages,
 * and a line for each (27,000 at 330 neighbourhoods) buried the warnings and
 * the stages' messages. (Whether it also saves time was lost in the noise of
 * the benchmark's runs.)
 *
 * Plain JavaScript: Astro imports this with Node itself, before Vite is there
 * to read TypeScript.
 */
import nodeLog from 'astro/logger/node';

/** Pages listed one by one before the log only counts them. */
export const PAGES_LISTED = 100;

// Astro writes "  ├─ /mill-lane/index.html" (no line end), then " (+3ms)" on the same line; both may be coloured.
const COLOUR = '(?:\\u001b\\[[0-9;]*m)*';
const PAGE_LINE = new RegExp(`^\\s+${COLOUR}[├└]─`);
const TIME_LINE = new RegExp(`^\\s*${COLOUR}\\(\\+[0-9.]+m?s\\)`);

/**
 * @param {import('astro').AstroLoggerDestination} inner where the lines go
 * @param {number} listed pages listed before the rest are only counted
 * @returns {import('astro').AstroLoggerDestination}
 */
export function listingFirstPages(inner, listed = PAGES_LISTED) {
	let pages = 0;
	// A page's path is written without a line end; its time (or the next page's path) follows on the same line.
	let lineOpen = false;
	let noticeDue = false;
	const notice = () => {
		noticeDue = false;
		inner.write({
			label: 'build',
			level: 'info',
			message: `More than ${listed} pages: the rest are not listed one by one (the total is at the end).`,
			newLine: true,
		});
	};
	const write = (/** @type {import('astro').AstroLoggerMessage} */ event) => {
		inner.write(event);
		lineOpen = event.newLine === false;
		if (noticeDue && !lineOpen) notice();
	};
	return {
		write(event) {
			const message = String(event.message);
			if (event.level === 'info' && event.label === null && event.newLine === false && PAGE_LINE.test(message)) {
				pages++;
				if (pages <= listed) return write(event);
				if (pages === listed + 1) {
					noticeDue = true;
					// Said now if no line is waiting for its end; otherwise when it ends.
					if (!lineOpen) notice();
				}
				return;
			}
			// Once pages are no longer listed, a time is written only to end a line left open; the others are theirs.
			if (pages > listed && event.level === 'info' && event.label === 'SKIP_FORMAT' && TIME_LINE.test(message)) {
				if (lineOpen) write(event);
				return;
			}
			write(event);
		},
		flush: () => inner.flush?.(),
		close: () => inner.close?.(),
	};
}

/** @param {import('astro/logger/node').NodeHandlerConfig} [config] */
export default function guideLog(config) {
	return listingFirstPages(nodeLog(config));
}

/**
 * Rolldown's warning, once for every MDX story, that it may not keep Astro's
 * own `"use astro:head-inject"` directive when bundling. Astro does not need
 * it kept, and the warning is Astro's to remove (withastro/astro#18087, open);
 * on a network it is ten lines per story, thousands in all, burying the
 * warnings an editor must read. Only this warning is left out
 * (astro.config.mjs, `onLog`).
 *
 * @param {{ code?: string; message?: string }} warning
 */
export function isAstroHeadInjectNotice(warning) {
	return warning.code === 'MODULE_LEVEL_DIRECTIVE' && /["']use astro:head-inject["']/.test(warning.message ?? '');
}
