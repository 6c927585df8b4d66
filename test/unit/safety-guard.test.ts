/**
 * The guard in front of the MDX compiler, driven as Astro drives it: the
 * file's frontmatter blanked out, then `process(content, file)`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { parseFrontmatter } from 'astro/markdown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnsafeMdxError, isGuarded, safeMarkdownProcessor } from '../../src/integrations/safe-markdown.ts';
import { ROOT } from '../helpers/build.ts';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';

const HOSTILE = path.join(ROOT, 'test/fixtures/hostile/mdx');
const HOSTILE_STORIES = path.join(HOSTILE, 'neighbourhoods/mdxville/stories');
const FIXTURE = path.join(ROOT, 'test/fixtures/site');

const canary = path.join(scratchDir('glg-guard-'), 'canary');
let previousCanary: string | undefined;
beforeAll(() => {
	previousCanary = process.env.GLG_CANARY;
	process.env.GLG_CANARY = canary;
});
afterAll(() => {
	if (previousCanary === undefined) delete process.env.GLG_CANARY;
	else process.env.GLG_CANARY = previousCanary;
	removeScratch();
});

async function compile(file: string, contentDir: string) {
	const processor = safeMarkdownProcessor({ contentDir });
	const renderer = await processor.createMdxRenderer!({ syntaxHighlight: false }, { optimize: false, srcDir: new URL(`file://${ROOT}/src/`) });
	const { content, frontmatter } = parseFrontmatter(readFileSync(file, 'utf8'), { frontmatter: 'empty-with-spaces' });
	return renderer.process(content, file, frontmatter);
}

/**
 * If the guard ever let a hostile story through, run what it compiled to, as
 * a page would: its top-level code then writes the canary, and the test below
 * sees it. (With the guard in place nothing compiles, so nothing runs.)
 */
async function runCompiled(code: string, name: string): Promise<void> {
	// Inside the project, so the compiled module's imports resolve from node_modules.
	const dir = path.join(ROOT, 'test/.out/safety-guard');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name}.mjs`);
	writeFileSync(file, code);
	await import(`${pathToFileURL(file).href}?${Date.now()}`).catch(() => {});
}

describe('the MDX guard', () => {
	const hostile = readdirSync(HOSTILE_STORIES).filter((name) => name.endsWith('.mdx'));

	it('has every hostile story to try', () => {
		expect(hostile.length).toBeGreaterThanOrEqual(6);
	});

	it.each(hostile)('refuses %s before it is compiled, naming the file and each line', async (name) => {
		const file = path.join(HOSTILE_STORIES, name);
		const error = await compile(file, HOSTILE).then(
			(compiled) => runCompiled(compiled.code, name),
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(UnsafeMdxError);
		const message = (error as Error).message;
		expect(message).toContain(`${path.relative(process.cwd(), file)} is not a safe MDX story`);
		expect(message).toMatch(new RegExp(`${name.replace('.', '\\.')}:\\d+: `));
		expect((error as UnsafeMdxError).line).toBeGreaterThan(9);
		expect(existsSync(canary)).toBe(false);
	});

	it('compiles a story of words and story components', async () => {
		const result = await compile(path.join(FIXTURE, 'neighbourhoods/testwick/stories/singing-story.mdx'), FIXTURE);
		expect(result.code).toContain('PullQuote');
		expect(result.code).not.toMatch(/from ["']node:/);
	});

	it('is the processor Astro is configured with, and the build can tell', () => {
		expect(isGuarded(safeMarkdownProcessor({ contentDir: FIXTURE }))).toBe(true);
		// Astro copies the processor when it validates its config; the mark must survive that.
		expect(isGuarded({ ...safeMarkdownProcessor({ contentDir: FIXTURE }) })).toBe(true);
		expect(isGuarded(satteri())).toBe(false);
	});
});
