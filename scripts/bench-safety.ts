/**
 * What safety costs per page: sanitising an entry's HTML (done once per page
 * that shows the entry) and the check's safety pass (done once per entry, in
 * the preflight and in `npm run check`), measured on the sample guides and
 * scaled to a 20,000-page site.
 *
 *   npm run bench:safety -- [content folder]
 */
import { markdownToHtml } from 'satteri';
import { loadContent } from '../src/lib/content-files.ts';
import { safetyProblems } from '../src/lib/safety/index.ts';
import { isPlainHtml, sanitizeHtml } from '../src/lib/safety/html.ts';

const loaded = loadContent(process.argv[2] ?? 'content');
const entries = [...loaded.neighbourhoods, ...loaded.assets, ...loaded.stories];
const markdown = entries.filter((entry) => entry.format === 'md');
const features = { gfm: true, smartPunctuation: true };
const html = markdown.map((entry) => markdownToHtml(entry.body, { features }).html);

/** Milliseconds per call of `fn`, after a warm-up. */
function measure(fn: () => void, runs = 30): number {
	for (let i = 0; i < 3; i++) fn();
	const started = performance.now();
	for (let i = 0; i < runs; i++) fn();
	return (performance.now() - started) / runs;
}

const sanitise = measure(() => html.forEach((page) => sanitizeHtml(page))) / html.length;
// As the build does it: entries of plain words are not sanitised at all (SafeMarkdown.astro).
const skipped = html.filter((page) => isPlainHtml(page)).length;
const asBuilt = (sanitise * (markdown.length - skipped)) / markdown.length;
const render = measure(() => markdown.forEach((entry) => markdownToHtml(entry.body, { features }))) / markdown.length;
const check = measure(() => safetyProblems(loaded), 10) / entries.length;
const bytes = html.reduce((sum, page) => sum + page.length, 0) / html.length;
const us = (ms: number) => `${Math.round(ms * 1000)} µs`;

console.log(`${entries.length} entries (${markdown.length} Markdown, average ${Math.round(bytes)} bytes of HTML)`);
console.log(`sanitising, per page:        ${us(sanitise)}  (rendering the Markdown itself: ${us(render)})`);
console.log(`plain entries, not sanitised: ${skipped} of ${markdown.length}; average as built: ${us(asBuilt)} per page`);
console.log(`safety check, per entry:     ${us(check)}`);
console.log(`for 20,000 pages:            ${((asBuilt * 20_000) / 1000).toFixed(1)} s sanitising (${((sanitise * 20_000) / 1000).toFixed(1)} s if every page had HTML or links) + ${((check * 20_000) / 1000).toFixed(1)} s checking`);
