/**
 * Building real sites for tests, with the same command a user runs
 * (`astro build`), into test/.out/<name>/.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { cacheDirFor } from '../../src/lib/settings.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUT = path.join(ROOT, 'test/.out');
export const FIXTURE_CONTENT = path.join(ROOT, 'test/fixtures/site');
export const SAMPLE_CONTENT = path.join(ROOT, 'content');
/** The fixture site is fixed in time, so staleness does not change with the clock. */
export const FIXTURE_TODAY = '2026-06-01';

export interface BuildOptions {
	/** Folder name under test/.out/. */
	name: string;
	contentDir: string;
	base?: string;
	today?: string;
	env?: Record<string, string>;
	/** Build with `npm run build -- <args>` (scripts/build.ts), e.g. `['--shard', '1/3']`, rather than `astro build`. */
	args?: string[];
	/** Keep the PDFs an earlier build of this output kept (src/lib/pdf-cache.ts); by default every test build prints afresh. */
	keepPdfs?: boolean;
}

export interface BuildResult {
	outDir: string;
	status: number | null;
	output: string;
}

/** Build a site; returns the output and exit status rather than throwing, so tests can inspect failures. */
export function buildSite(options: BuildOptions): BuildResult {
	const outDir = path.join(OUT, options.name);
	rmSync(outDir, { recursive: true, force: true });
	if (!options.keepPdfs) rmSync(path.join(cacheDirFor(outDir), 'pdfs'), { recursive: true, force: true });
	const command = options.args ? [path.join(ROOT, 'scripts/build.ts'), ...options.args] : [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'];
	const result = spawnSync(process.execPath, command, {
		cwd: ROOT,
		encoding: 'utf8',
		env: {
			...process.env,
			// vitest sets NODE_ENV=test, which would make Astro build in development mode.
			NODE_ENV: 'production',
			ASTRO_TELEMETRY_DISABLED: '1',
			CONTENT_DIR: options.contentDir,
			OUT_DIR: outDir,
			BASE_PATH: options.base ?? '/',
			GUIDE_TODAY: options.today ?? '',
			SITE_URL: '',
			// PDFs only where a test reads them (SITES below, test/build/print.test.ts): quick builds stay quick.
			GUIDE_PDF: 'off',
			NO_COLOR: '1',
			FORCE_COLOR: '0',
			...options.env,
		},
		maxBuffer: 64 * 1024 * 1024,
	});
	return { outDir, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Build, and fail loudly with the build's own output if it does not succeed. */
export function buildOrThrow(options: BuildOptions): string {
	const result = buildSite(options);
	if (result.status !== 0) {
		throw new Error(`Building ${options.name} failed (exit ${result.status}):\n${result.output.slice(-6000)}`);
	}
	return result.outDir;
}

/** The sites most tests look at, built once per test run by global-setup.ts. */
export const SITES = {
	fixture: { name: 'fixture', contentDir: FIXTURE_CONTENT, today: FIXTURE_TODAY, env: { GUIDE_PDF: 'on' } },
	fixtureUnderBase: { name: 'fixture-base', contentDir: FIXTURE_CONTENT, today: FIXTURE_TODAY, base: '/guides/', env: { GUIDE_PDF: 'on' } },
	sample: { name: 'sample', contentDir: SAMPLE_CONTENT, env: { GUIDE_PDF: 'on' } },
	/** Raw HTML and links that must never reach a page (the build leaves them out and succeeds). */
	hostileHtml: { name: 'hostile-html', contentDir: path.join(ROOT, 'test/fixtures/hostile/html'), today: FIXTURE_TODAY },
} satisfies Record<string, BuildOptions>;

export function outDirOf(site: keyof typeof SITES): string {
	return path.join(OUT, SITES[site].name);
}
