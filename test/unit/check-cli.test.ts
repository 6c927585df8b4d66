/** `npm run check` from the command line: formats, exit codes, the summary line, GitHub annotations. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, githubAnnotations, summaryLine } from '../../src/lib/check-report.ts';
import type { Problem } from '../../src/lib/problems.ts';
import { ROOT } from '../helpers/build.ts';


function check(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, ['--experimental-strip-types', 'scripts/check.ts', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, GUIDE_TODAY: '2026-06-01', GITHUB_STEP_SUMMARY: '', CONTENT_DIR: '', ...env },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check', () => {
	it('lists every problem grouped by file, with a summary, and exits 1 on errors', () => {
		const { status, stdout } = check(['test/fixtures/bad/site']);
		expect(status).toBe(1);
		expect(stdout).toMatchInlineSnapshot(`
			"test/fixtures/bad/site/site.yaml
			  test/fixtures/bad/site/site.yaml:2: url: "guides.example.org" is not a web address (write it in full, starting with https://)
			  test/fixtures/bad/site/site.yaml:3: langauge: "langauge" is not a field here (did you mean "language"?)
			  test/fixtures/bad/site/site.yaml:4: timezone: "London" is not a time zone (use a name such as "Europe/London")
			  test/fixtures/bad/site/site.yaml:6: suggest: "hello@example.org" is not a web address or email link (write "https://..." or "mailto:name@example.org")
			  test/fixtures/bad/site/site.yaml:7: stale_after_months: should be at least 1 month (like 12)

			test/fixtures/bad/site/themes.yaml
			  test/fixtures/bad/site/themes.yaml:5: id: "company-and-a-cuppa" is used by two themes (give each theme its own id)

			Checked 3 files in test/fixtures/bad/site: 6 errors in 2 files. The guides cannot be published until the errors are fixed. docs/editing.md explains each message.
			"
		`);
	});

	it('exits 0 when there are only warnings, and says the guides still build', () => {
		const { status, stdout } = check(['test/fixtures/good/warnings']);
		expect(status).toBe(0);
		expect(stdout).toContain('warning: last_checked: was 1 March 2025');
		expect(stdout.trim().split('\n').at(-1)).toMatchInlineSnapshot(`"Checked 11 files in test/fixtures/good/warnings: 15 warnings in 8 files. The guides will still build; the warnings are worth a look. docs/editing.md explains each message."`);
	});

	it('says so when everything is fine, reading the folder from CONTENT_DIR', () => {
		const { status, stdout } = check([], { CONTENT_DIR: 'test/fixtures/good/edge' });
		expect(status).toBe(0);
		expect(stdout.trim()).toBe('Checked 9 files in test/fixtures/good/edge: everything is fine.');
	});

	it('prints GitHub annotations on the lines of the files, and the whole report in the job summary', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'glg-summary-'));
		const summaryFile = path.join(dir, 'summary.md');
		try {
			const { status, stdout } = check(['--format', 'github', 'test/fixtures/bad/yaml'], { GITHUB_STEP_SUMMARY: summaryFile });
			expect(status).toBe(1);
			const annotations = stdout.split('\n').filter((l) => l.startsWith('::'));
			expect(annotations.slice(0, 2)).toMatchInlineSnapshot(`
				[
				  "::error file=test/fixtures/bad/yaml/neighbourhoods/millbrook/assets/bad-indent.md,line=4,col=3,title=Fix this before the guide can be published::the fields cannot be read (line 4, column 3): this line is indented differently from the lines around it (line it up: each level in is two spaces)",
				  "::error file=test/fixtures/bad/yaml/neighbourhoods/millbrook/assets/colon-in-value.md,line=2,title=Fix this before the guide can be published::the fields cannot be read (line 2): the value has a colon and a space in it, which would start a new field (put the value in quotes, like title: "Tea: and talk")",
				]
			`);
			// More than GitHub shows on a pull request: say where the rest is.
			expect(annotations.at(-1)).toMatch(/^::notice title=More problems than GitHub shows::/);
			const summary = readFileSync(summaryFile, 'utf8');
			expect(summary).toContain('## Content check');
			expect(summary).toContain('### `test/fixtures/bad/yaml/neighbourhoods/millbrook/assets/written-twice.md`');
			expect(summary).toContain('- **Error**, line 7: the fields cannot be read (line 7, column 1): "summary" is written twice, first on line 3 (keep one of them)');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('refuses what it does not understand, with exit 2 and how to use it', () => {
		const { status, stderr } = check(['--format', 'xml']);
		expect(status).toBe(2);
		expect(stderr).toContain('"xml" is not a format this check knows (use text or github).');
		expect(stderr).toContain('Usage: npm run check');
	});

	it('reports a content folder that is not there', () => {
		const { status, stdout } = check(['no-such-folder']);
		expect(status).toBe(1);
		expect(stdout).toContain('no-such-folder: the content folder does not exist');
	});
});

describe('GitHub annotations', () => {
	const problem = (extra: Partial<Problem>): Problem => ({ file: 'content/a.md', message: 'is wrong', severity: 'error', ...extra });

	it('escapes what would break a workflow command', () => {
		expect(escapeData('100% sure\nnext line\r')).toBe('100%25 sure%0Anext line%0D');
		expect(escapeProperty('a, b: c')).toBe('a%2C b%3A c');
	});

	it('puts the field in the message, errors first, and a line and column where known', () => {
		expect(
			githubAnnotations([
				problem({ severity: 'warning', line: 2, field: 'summary', message: 'is long' }),
				problem({ file: 'content/b, c.md', line: 3, column: 4, field: 'kind', message: 'is "grup" (use group)' }),
				problem({ file: 'content/folder' }),
			]),
		).toMatchInlineSnapshot(`
			[
			  "::error file=content/b%2C c.md,line=3,col=4,title=Fix this before the guide can be published::kind: is "grup" (use group)",
			  "::error file=content/folder,title=Fix this before the guide can be published::is wrong",
			  "::warning file=content/a.md,line=2,title=Worth a look (the guide still builds)::summary: is long",
			]
		`);
	});

	it('counts problems and files in the summary line', () => {
		expect(summaryLine([problem({}), problem({ file: 'content/b.md', severity: 'warning' })], 12, 'content')).toMatchInlineSnapshot(`"Checked 12 files in content: 1 error and 1 warning in 2 files. The guides cannot be published until the errors are fixed. docs/editing.md explains each message."`);
		expect(summaryLine([problem({ severity: 'warning' })], 1, 'content')).toMatchInlineSnapshot(`"Checked 1 file in content: 1 warning in 1 file. The guides will still build; the warnings are worth a look. docs/editing.md explains each message."`);
	});
});
