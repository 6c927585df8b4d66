// @ts-check
/**
 * Astro's console output (astro.config.mjs, `logger`), with one change: a
 * build lists the first PAGES_LISTED pages it writes, one line each, and then
 * only counts them. Everything else (warnings, errors, each route as it
 * starts, the stages, the total of pages) is as Astro prints it.
 *
 * A network of hundreds of neighbourhoods builds tens of thousands of pages,
 * and a line for each made the log unreadable and the build slower: at 330
 * neighbourhoods, formatting and writing 27,000 lines cost about a tenth of
 * the time Astro spends writing pages (npm run bench).
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
	// Page lines written whose time has not come yet: each gets one, so no line is left open.
	let open = 0;
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
	return {
		write(event) {
			const message = String(event.message);
			if (event.level === 'info' && event.label === null && event.newLine === false && PAGE_LINE.test(message)) {
				pages++;
				if (pages > listed) {
					if (pages === listed + 1) noticeDue = true;
					if (noticeDue && open === 0) notice();
					return;
				}
				open++;
				inner.write(event);
				return;
			}
			if (event.level === 'info' && event.label === 'SKIP_FORMAT' && TIME_LINE.test(message)) {
				if (open === 0) return;
				open--;
				inner.write(event);
				if (noticeDue && open === 0) notice();
				return;
			}
			inner.write(event);
		},
		flush: () => inner.flush?.(),
		close: () => inner.close?.(),
	};
}

/** @param {import('astro/logger/node').NodeHandlerConfig} [config] */
export default function guideLog(config) {
	return listingFirstPages(nodeLog(config));
}
