import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import { describe, expect, it } from 'vitest';
import { isAstroHeadInjectNotice, listingFirstPages } from '../../src/lib/build-log.mjs';

/** What Astro writes for one page: its path with no line end, then its time on the same line. */
const page = (path: string): AstroLoggerMessage[] => [
	{ label: null, level: 'info', message: `  \u001b[34m├─\u001b[39m \u001b[2m${path}\u001b[22m`, newLine: false },
	{ label: 'SKIP_FORMAT', level: 'info', message: ` \u001b[2m(+3ms)\u001b[22m `, newLine: true },
];

function recorder(): AstroLoggerDestination & { text(): string; lines: AstroLoggerMessage[] } {
	const lines: AstroLoggerMessage[] = [];
	return {
		lines,
		write: (event) => lines.push(event),
		text: () => lines.map((l) => l.message + (l.newLine === false ? '' : '\n')).join(''),
	};
}

describe('the build log', () => {
	it('lists the first pages, then counts the rest, and keeps everything else', () => {
		const inner = recorder();
		const log = listingFirstPages(inner, 2);
		log.write({ label: 'build', level: 'info', message: 'Building static entrypoints...', newLine: true });
		for (const event of [...page('/a/index.html'), ...page('/b/index.html'), ...page('/c/index.html'), ...page('/d/index.html')]) log.write(event);
		log.write({ label: 'build', level: 'warn', message: 'something to look at', newLine: true });
		log.write({ label: 'build', level: 'info', message: '4 page(s) built in 1s', newLine: true });

		const text = inner.text();
		expect(text).toContain('/a/index.html');
		expect(text).toContain('/b/index.html');
		expect(text).not.toContain('/c/index.html');
		expect(text).not.toContain('/d/index.html');
		// Two times for the two pages listed, each on its page's line.
		expect(text.match(/\(\+3ms\)/g)).toHaveLength(2);
		expect(text).toContain('More than 2 pages: the rest are not listed one by one');
		expect(text.match(/More than 2 pages/g)).toHaveLength(1);
		expect(text).toContain('something to look at');
		expect(text).toContain('4 page(s) built in 1s');
		// No page line is left without its line end.
		for (const line of text.split('\n')) expect(line.match(/├─/g)?.length ?? 0).toBeLessThanOrEqual(1);
	});

	it('leaves no line open, and no time on a line of its own, when pages are written four at a time', () => {
		const inner = recorder();
		const log = listingFirstPages(inner, 3);
		const pages = ['/1/', '/2/', '/3/', '/4/', '/5/', '/6/'].map(page);
		// Astro starts four pages (their paths run on one line, as Astro prints them), then their times arrive as each finishes.
		for (const [start] of pages.slice(0, 4)) log.write(start);
		for (const [, time] of pages.slice(0, 4)) log.write(time);
		for (const [start, time] of pages.slice(4)) {
			log.write(start);
			log.write(time);
		}
		const text = inner.text();
		expect(text.match(/├─/g)).toHaveLength(3);
		expect(text).not.toContain('/4/');
		expect(text.endsWith('\n')).toBe(true);
		const lines = text.split('\n').filter(Boolean);
		for (const line of lines) expect(line).not.toMatch(/^\s*(\u001b\[[0-9;]*m)*\(\+/);
		expect(lines.filter((line) => line.includes('More than 3 pages'))).toHaveLength(1);
		expect(lines.at(-1)).toContain('More than 3 pages');
	});
});

describe("Rolldown's warnings", () => {
	// As Rolldown gives it, for each MDX story (the message is shortened here).
	const headInject = {
		code: 'MODULE_LEVEL_DIRECTIVE',
		message:
			'The semantics of the module level directive "use astro:head-inject" in "content/neighbourhoods/lockside/stories/sawdust-in-my-hair.mdx?astroPropagatedAssets" may not be preserved when bundling.',
	};
	const otherDirective = { code: 'MODULE_LEVEL_DIRECTIVE', message: 'The semantics of the module level directive "use client" in "src/x.ts" may not be preserved when bundling.' };
	const otherWarning = { code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency: src/a.ts -> src/b.ts -> src/a.ts' };

	it('leaves out only the one about Astro\'s own directive', () => {
		expect(isAstroHeadInjectNotice(headInject)).toBe(true);
		expect(isAstroHeadInjectNotice(otherDirective)).toBe(false);
		expect(isAstroHeadInjectNotice(otherWarning)).toBe(false);
		expect(isAstroHeadInjectNotice({ code: 'CIRCULAR_DEPENDENCY', message: headInject.message })).toBe(false);
	});

	it('are filtered so by the build\'s own configuration, which passes every other log on', async () => {
		const { default: config } = await import('../../astro.config.mjs');
		type Handler = (level: string, log: object) => void;
		const onLog = config.vite?.build?.rolldownOptions?.onLog as ((level: string, log: object, handler: Handler) => void) | undefined;
		expect(onLog).toBeTypeOf('function');
		const passed: [string, object][] = [];
		for (const warning of [headInject, otherDirective, otherWarning]) onLog!('warn', warning, (level, log) => passed.push([level, log]));
		// The same words as information, not a warning, are not this warning.
		onLog!('info', headInject, (level, log) => passed.push([level, log]));
		expect(passed).toEqual([
			['warn', otherDirective],
			['warn', otherWarning],
			['info', headInject],
		]);
	});
});
