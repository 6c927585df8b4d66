/**
 * The GitHub Actions workflows: they parse, pull requests from forks never
 * get secrets, the site is built for where GitHub Pages serves it, and the
 * monthly issue is opened, updated and closed as it should be (its script
 * is run here against a stand-in for the `gh` command).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/build.ts';

const DIR = path.join(ROOT, '.github/workflows');

interface Step {
	name?: string;
	id?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on': string;
	container?: string;
	permissions?: Record<string, string>;
	needs?: string;
	steps: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const text = (file: string) => readFileSync(path.join(DIR, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const runs = (w: Workflow) => steps(w).map((s) => s.run ?? '');

describe('workflows', () => {
	it('are the three this project needs, and every one parses', () => {
		expect(files.sort()).toEqual(['deploy.yml', 'pr.yml', 'stale.yml']);
		for (const file of files) expect(() => workflow(file)).not.toThrow();
	});

	it('never give a pull request this repository’s secrets or write access', () => {
		for (const file of files) {
			expect(Object.keys(workflow(file).on)).not.toEqual(expect.arrayContaining([expect.stringMatching(/pull_request_target|workflow_run/)]));
			const code = text(file).replace(/^\s*#.*$/gm, '');
			expect(code).not.toMatch(/pull_request_target|workflow_run/);
			expect(code).not.toMatch(/\$\{\{\s*secrets\./);
		}
		const pr = workflow('pr.yml');
		expect(Object.keys(pr.on)).toEqual(['pull_request']);
		expect(pr.permissions).toEqual({ contents: 'read' });
		for (const job of Object.values(pr.jobs)) expect(job.permissions).toBeUndefined();
	});

	it('check a pull request with annotations, then build and test, with Node 24 and Debian’s Chromium and poppler', () => {
		const pr = workflow('pr.yml');
		expect(runs(pr)).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm run check -- --format github', 'npm run build', 'npm test']));
		const job = pr.jobs.check;
		expect(job.container).toMatch(/^node:24-bookworm/);
		expect(runs(pr).join('\n')).toMatch(/apt-get install[^\n]*\\\n\s*chromium [^\n]*poppler-utils/);
		// Checked before built, built before tested.
		const order = ['npm run check -- --format github', 'npm run build', 'npm test'].map((r) => runs(pr).indexOf(r));
		expect(order).toEqual([...order].sort((a, b) => a - b));
	});

	it('publish main to GitHub Pages at the base path and address Pages gives', () => {
		const deploy = workflow('deploy.yml');
		expect(deploy.on).toMatchObject({ push: { branches: ['main'] } });
		expect(deploy.permissions).toEqual({});
		const build = deploy.jobs.build;
		expect(build.permissions).toEqual({ contents: 'read', pages: 'read' });
		const configure = build.steps.find((s) => s.uses?.startsWith('actions/configure-pages@'));
		expect(configure?.id).toBe('pages');
		const buildStep = build.steps.find((s) => s.run === 'npm run build');
		expect(buildStep?.env).toEqual({
			BASE_PATH: '${{ steps.pages.outputs.base_path }}',
			SITE_URL: '${{ steps.pages.outputs.base_url }}',
		});
		expect(build.steps.indexOf(configure!)).toBeLessThan(build.steps.indexOf(buildStep!));
		expect(build.steps.some((s) => s.run === 'npm run check -- --format github')).toBe(true);
		expect(build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist' });
		const publish = deploy.jobs.deploy;
		expect(publish.needs).toBe('build');
		expect(publish.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
		expect(publish.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
	});

	it('list entries to re-check monthly, and when asked', () => {
		const stale = workflow('stale.yml');
		expect(stale.on).toEqual({ schedule: [{ cron: '0 7 1 * *' }], workflow_dispatch: null });
		expect(stale.permissions).toEqual({ contents: 'read', issues: 'write' });
		expect(runs(stale).join('\n')).toContain('npm run --silent stale -- --format markdown');
	});

	it('use actions by major version, and no Node older than the project needs', () => {
		for (const file of files) {
			for (const step of steps(workflow(file))) if (step.uses) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
			for (const match of text(file).matchAll(/node(?:-version:\s*|:)(\d+)/g)) expect(Number(match[1])).toBeGreaterThanOrEqual(24);
		}
	});
});

describe('the monthly issue', () => {
	const temp = mkdtempSync(path.join(tmpdir(), 'glg-gh-'));
	afterAll(() => rmSync(temp, { recursive: true, force: true }));

	const script = workflow('stale.yml').jobs.stale.steps.find((s) => s.run?.includes('gh issue'));

	/** Runs the step's script with a stand-in `gh` that records what it was asked, and answers `issue list` with `openIssue`. */
	function runStep(due: number, openIssue: string): string[] {
		const log = path.join(temp, 'gh.log');
		writeFileSync(log, '');
		writeFileSync(
			path.join(temp, 'gh'),
			`#!/usr/bin/env bash\nprintf '%s\\n' "$*" >> "${log}"\nif [ "$1 $2" = "issue list" ]; then printf '%s' "${openIssue}"; fi\n`,
		);
		chmodSync(path.join(temp, 'gh'), 0o755);
		writeFileSync(path.join(temp, 'stale.json'), JSON.stringify({ total: due }));
		writeFileSync(path.join(temp, 'stale.md'), 'the list');
		const result = spawnSync('bash', ['-e', '-c', script!.run!], {
			encoding: 'utf8',
			env: { ...process.env, ...script!.env, PATH: `${temp}:${process.env.PATH}`, RUNNER_TEMP: temp, GH_TOKEN: 'x', GH_REPO: 'org/repo' },
		});
		if (result.status !== 0) throw new Error(result.stderr);
		return readFileSync(log, 'utf8')
			.trim()
			.split('\n')
			.map((l) => l.replaceAll(temp, '$RUNNER_TEMP'));
	}

	it('opens one when entries are due and none is open', () => {
		expect(script?.env?.TITLE).toBe('Please re-check these entries');
		expect(runStep(3, '').slice(1)).toEqual(['issue create --title Please re-check these entries --body-file $RUNNER_TEMP/stale.md']);
	});

	it('updates the open one, with a comment so people watching hear of it', () => {
		expect(runStep(3, '42').slice(1)).toEqual([
			'issue edit 42 --body-file $RUNNER_TEMP/stale.md',
			"issue comment 42 --body This month's list is in the description above: 3 to re-check.",
		]);
	});

	it('closes it when nothing is due, and does nothing when none is open', () => {
		expect(runStep(0, '42').slice(1)).toEqual(['issue close 42 --comment Nothing is due for re-checking this month. Thank you!']);
		expect(runStep(0, '')).toHaveLength(1);
	});
});
