/**
 * The guide's order never depends on the order its files were read in. A
 * shard reads its own neighbourhoods through Astro and the others from disk,
 * and the pages every shard builds (sitemap, open data, home) must come out
 * byte for byte the same in each, or they cannot be combined. Titles repeat
 * on a large network ("Knit and natter" in two places, or twice in one), so
 * a sort on titles alone leaves the order to chance.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check-content.ts';
import { buildGuide, type GuideInput } from '../../src/lib/guide.ts';
import { ROOT } from '../helpers/guide.ts';

const today = new Date('2026-06-01T00:00:00Z');
const { loaded } = checkContent(path.join(ROOT, 'test/fixtures/site'), { today });

/** The fixture's input, with every entry of `kind` copied under a second name, its title and date unchanged. */
function withTwins(): GuideInput {
	const twin = <T extends { slug: string; contentPath: string }>(e: T): T => ({ ...e, slug: `${e.slug}-2`, contentPath: e.contentPath.replace(/(\.mdx?)$/, '-2$1') });
	return {
		site: loaded.site!,
		themes: loaded.themes,
		neighbourhoods: [...loaded.neighbourhoods, ...loaded.neighbourhoods.map((n) => ({ ...n, n: `${n.n}-2`, contentPath: n.contentPath.replace(n.n, `${n.n}-2`) }))],
		assets: [...loaded.assets, ...loaded.assets.map(twin)],
		stories: [...loaded.stories, ...loaded.stories.map(twin)],
		today,
	};
}

const reversed = (input: GuideInput): GuideInput => ({
	...input,
	neighbourhoods: [...input.neighbourhoods].reverse(),
	assets: [...input.assets].reverse(),
	stories: [...input.stories].reverse(),
});

describe('the order of the guide', () => {
	const input = withTwins();
	const forwards = buildGuide(input);
	const backwards = buildGuide(reversed(input));

	it('has entries with the same titles to order (the test can fail)', () => {
		const titles = forwards.neighbourhoods[0].assets.map((a) => a.data.title);
		expect(new Set(titles).size).toBeLessThan(titles.length);
		const names = forwards.neighbourhoods.map((n) => n.data.name);
		expect(new Set(names).size).toBeLessThan(names.length);
		const stories = forwards.neighbourhoods[0].stories.map((s) => `${s.data.date.toISOString()} ${s.data.title}`);
		expect(new Set(stories).size).toBeLessThan(stories.length);
	});

	it('is the same whichever order the files come in: neighbourhoods, entries and stories', () => {
		expect(backwards.neighbourhoods.map((n) => n.n)).toEqual(forwards.neighbourhoods.map((n) => n.n));
		expect(backwards.neighbourhoods.map((n) => n.assets.map((a) => a.path))).toEqual(forwards.neighbourhoods.map((n) => n.assets.map((a) => a.path)));
		expect(backwards.neighbourhoods.map((n) => n.stories.map((s) => s.path))).toEqual(forwards.neighbourhoods.map((n) => n.stories.map((s) => s.path)));
	});
});
