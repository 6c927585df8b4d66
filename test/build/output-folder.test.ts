/**
 * OUT_DIR pointed at the guides: the build must stop before Astro empties its
 * output folder, say why in words, and leave every file where it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUT, ROOT, SAMPLE_CONTENT } from '../helpers/build.ts';

function filesIn(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

function build(env: Record<string, string>) {
	const run = spawnSync(process.execPath, ['--experimental-strip-types', path.join(ROOT, 'scripts/build.ts')], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', GUIDE_PDF: 'off', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
		timeout: 120_000,
	});
	return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('a build never empties a folder it did not make', () => {
	const content = path.join(OUT, 'output-folder-content');

	it('refuses the content folder as its output, and deletes nothing', () => {
		rmSync(content, { recursive: true, force: true });
		cpSync(SAMPLE_CONTENT, content, { recursive: true });
		const before = filesIn(content);
		const { status, output } = build({ CONTENT_DIR: content, OUT_DIR: content });
		expect(status).not.toBe(0);
		expect(output).toMatch(/OUT_DIR=.*output-folder-content is the content folder: a build empties its output folder first, which would delete the guides/);
		expect(output).not.toMatch(/\n\s+at .*\.(js|ts|mjs):\d+/); // no stack trace
		expect(filesIn(content)).toEqual(before);
	});

	it('refuses a folder of other files, and keeps them', () => {
		const mine = path.join(OUT, 'output-folder-mine');
		rmSync(mine, { recursive: true, force: true });
		mkdirSync(mine, { recursive: true });
		writeFileSync(path.join(mine, 'minutes.docx'), 'the association’s minutes');
		const { status, output } = build({ CONTENT_DIR: SAMPLE_CONTENT, OUT_DIR: mine });
		expect(status).not.toBe(0);
		expect(output).toMatch(/already holds files that no build made \(minutes\.docx\)/);
		expect(filesIn(mine)).toEqual(['minutes.docx']);
	});
});
