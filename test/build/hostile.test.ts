/**
 * Hostile content, built for real. Markdown with raw HTML must build, with
 * everything unsafe left out; MDX that is code must make the build refuse,
 * with the file, the line and the fix; and nothing in it may ever run, in a
 * build, in `astro sync`, or in `astro dev`.
 *
 * The hostile stories try to write a canary file (GLG_CANARY) and print a
 * secret (GLG_SECRET): neither may ever happen.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUT, ROOT, buildSite, outDirOf, type BuildResult } from '../helpers/build.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { htmlFiles, mainText, readPage } from '../helpers/dist.ts';
import { readOutputs, findIn } from '../helpers/outputs.ts';

const HOSTILE_MDX = path.join(ROOT, 'test/fixtures/hostile/mdx');
const SECRET = `glg-secret-${process.pid}-${Date.now()}`;
const canary = path.join(OUT, 'hostile-canary');
const env = { GLG_CANARY: canary, GLG_SECRET: SECRET };
const shown = (file: string) => path.relative(ROOT, file);

describe('hostile Markdown builds, with everything unsafe left out', () => {
	const outDir = outDirOf('hostileHtml');

	it('keeps the words and the harmless HTML', () => {
		const story = readPage(outDir, '/hostwick/stories/comments-and-kind-html/');
		const prose = story.querySelector('.prose')!;
		expect(prose.querySelector('abbr[title="General Practitioner"]')?.textContent).toBe('GP');
		expect(prose.querySelector('span[lang="cy"]')?.textContent).toBe('Bore da');
		expect(prose.querySelector('details summary')?.textContent).toBe('Where to find us');
		expect(prose.innerHTML).not.toContain('<!--');

		const scripts = readPage(outDir, '/hostwick/assets/scripts/');
		expect(mainText(scripts)).toContain('After the scripts, the words go on.');
		expect(scripts.querySelector('.prose details')?.textContent).toContain('Hidden words.');
	});

	it('shows the words of an unsafe link without the link, and marks the good links', () => {
		const links = readPage(outDir, '/hostwick/assets/links/');
		const anchors = links.querySelectorAll('.prose a');
		expect(anchors.map((a) => a.textContent)).toContain('Tap me');
		expect(anchors.filter((a) => a.getAttribute('href')).map((a) => [a.getAttribute('href'), a.getAttribute('rel') ?? ''])).toEqual([
			['https://library.example.org/', 'noopener noreferrer'],
			['mailto:hello@example.org', ''],
			['tel:+447700900999', ''],
		]);
	});

	it('keeps the neighbourhood\u2019s own picture and no other', () => {
		const images = readPage(outDir, '/hostwick/assets/images/').querySelectorAll('.prose img');
		const sources = images.map((img) => img.getAttribute('src') ?? '');
		expect(sources.some((src) => /^\/_astro\/garden\.[\w-]+\.webp$/.test(src))).toBe(true);
		expect(sources.filter((src) => /evil|svg/.test(src))).toEqual([]);
	});

	it('publishes none of the payloads', () => {
		const hits = findIn(
			readOutputs(outDir).filter((o) => o.file.endsWith('.html')),
			/document\.cookie|steal\(\)|evil\.example\/(?:x\.js|m\.js|frame|x\.swf|steal|x\.css|pixel|p\.gif|a\.png)|msgbox/,
		);
		expect(hits).toEqual([]);
	});
});

describe('hostile MDX is refused', () => {
	let result: BuildResult;
	beforeAll(() => {
		rmSync(canary, { force: true });
		result = buildSite({ name: 'hostile-mdx', contentDir: HOSTILE_MDX, today: '2026-06-01', env });
	});

	it('stops the build, naming each file, its lines, and the fix', () => {
		expect(result.status).not.toBe(0);
		expect(result.output).toContain('The guides cannot be built until these problems are fixed');
		for (const name of ['reads-files', 'reads-env', 'runs-commands', 'unknown-components', 'computed-props', 'unsafe-addresses']) {
			expect(result.output).toMatch(new RegExp(`${shown(path.join(HOSTILE_MDX, 'neighbourhoods/mdxville/stories', name))}\\.mdx:\\d+: `));
		}
		expect(result.output).toContain('"import" is code, and a story is words, not code');
		expect(result.output).toMatch(/frontmatter-js\.md:1: /);
	});

	it('ran none of the code, and printed no secret', () => {
		expect(existsSync(canary)).toBe(false);
		expect(result.output).not.toContain(SECRET);
		const written = existsSync(result.outDir) ? readOutputs(result.outDir) : [];
		expect(findIn(written, new RegExp(SECRET))).toEqual([]);
		expect(written.filter((o) => o.file.endsWith('.html'))).toEqual([]);
	});

	it('runs none of it in astro sync either (the type check runs it)', () => {
		const sync = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, ...env, CONTENT_DIR: HOSTILE_MDX, OUT_DIR: path.join(OUT, 'hostile-sync'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
		});
		expect(`${sync.stdout}${sync.stderr}`).not.toContain(SECRET);
		expect(existsSync(canary)).toBe(false);
	});
});

describe('the MDX guard in astro dev, where the preflight only warns', () => {
	const content = path.join(OUT, 'hostile-dev-content');
	let server: DevServer | undefined;

	beforeAll(async () => {
		rmSync(canary, { force: true });
		rmSync(content, { recursive: true, force: true });
		cpSync(HOSTILE_MDX, content, { recursive: true });
		// Astro's own frontmatter reader rejects this file outright, which would stop the dev server from serving anything.
		rmSync(path.join(content, 'neighbourhoods/mdxville/assets/frontmatter-js.md'));
		server = await startDevServer(
			[path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev'],
			{ ...env, CONTENT_DIR: content, OUT_DIR: path.join(OUT, 'hostile-dev'), GUIDE_TODAY: '2026-06-01' },
			'/mdxville/',
		);
	});

	afterAll(() => {
		server?.stop();
	});

	it.each(['reads-files', 'reads-env', 'runs-commands', 'computed-props', 'unsafe-addresses'])('refuses to render %s, and runs none of it', async (name) => {
		const response = await fetch(`${server!.origin}/mdxville/stories/${name}/`, { signal: AbortSignal.timeout(30_000) });
		const body = await response.text();
		expect(response.status).toBe(500);
		expect(body).not.toContain(SECRET);
		expect(body).not.toMatch(/root:x:0:0/);
		expect(existsSync(canary)).toBe(false);
		expect(server!.log()).toContain(`${name}.mdx is not a safe MDX story`);
	});
});

describe('very large and deeply nested files', () => {
	const base = path.join(ROOT, 'test/fixtures/hostile/html');
	function contentWith(name: string, files: Record<string, string>): string {
		const root = path.join(OUT, `${name}-content`);
		rmSync(root, { recursive: true, force: true });
		mkdirSync(path.join(root, 'neighbourhoods/bigton/assets'), { recursive: true });
		for (const file of ['site.yaml', 'themes.yaml']) cpSync(path.join(base, file), path.join(root, file));
		writeFileSync(
			path.join(root, 'neighbourhoods/bigton/index.md'),
			'---\nname: Bigton\nsummary: Where the files are large.\narea: Long Lane.\nmaintained_by:\n  name: Bigton Residents\n---\n\nBigton.\n',
		);
		for (const [slug, body] of Object.entries(files)) {
			writeFileSync(
				path.join(root, `neighbourhoods/bigton/assets/${slug}.md`),
				`---\ntitle: ${slug}\nsummary: A file made to be large or deep.\nkind: place\nthemes: [company-and-a-cuppa]\ncost: free\nlast_checked: 2026-05-01\n---\n\n${body}`,
			);
		}
		return root;
	}

	it('builds a long entry full of harmless and unsafe HTML, quickly, with the unsafe parts left out', () => {
		const paragraph = 'We meet on <b>Tuesdays</b> in the hall. <script>alert(1)</script> <a href="javascript:alert(2)">tap</a> <img src=x onerror=alert(3)> Bring a friend.\n\n';
		const root = contentWith('hostile-long', { long: paragraph.repeat(2_500) });
		const started = Date.now();
		const result = buildSite({ name: 'hostile-long', contentDir: root, today: '2026-06-01' });
		expect(result.status, result.output.slice(-3000)).toBe(0);
		expect(Date.now() - started).toBeLessThan(120_000);
		expect(result.output).toMatch(/\d+ unsafe things are left out of the pages/);
		const html = readFileSync(path.join(result.outDir, 'bigton/assets/long/index.html'), 'utf8');
		expect(html.match(/<b>Tuesdays<\/b>/g)).toHaveLength(2_500);
		expect(html).not.toMatch(/<script>alert|javascript:|onerror/);
	});

	it('refuses files too large or too deeply nested, quickly, naming each one', () => {
		const root = contentWith('hostile-deep', {
			huge: `${'A line that goes on and on about the hall and the tea. '.repeat(40)}\n\n`.repeat(400),
			'deep-quotes': `${'> '.repeat(20_000)}deep`,
			'deep-lists': Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- down`).join('\n'),
			'deep-html': `${'<div>'.repeat(30_000)}deep${'</div>'.repeat(30_000)}`,
			'deep-emphasis': `${'*a '.repeat(30_000)}`,
		});
		const started = Date.now();
		const result = buildSite({ name: 'hostile-deep', contentDir: root, today: '2026-06-01' });
		expect(Date.now() - started).toBeLessThan(60_000);
		expect(result.status).not.toBe(0);
		for (const slug of ['huge', 'deep-quotes', 'deep-lists', 'deep-html']) {
			expect(result.output).toMatch(new RegExp(`bigton/assets/${slug}\\.md:\\d+: `));
		}
		expect(result.output).toContain('more than anyone can read on one page');
		expect(result.output).toContain('nested more than 100 deep');
		// Emphasis markers nest nothing: that file is no error (the editor checks may still find its sentence long).
		const report = result.output.indexOf('cannot be built');
		expect(report).toBeGreaterThanOrEqual(0);
		expect(result.output.slice(report)).not.toContain('deep-emphasis.md');
		expect(existsSync(result.outDir) ? htmlFiles(result.outDir) : []).toEqual([]);
	});
});
