/**
 * A build empties its output folder before it writes: OUT_DIR pointed at the
 * content, the project, or a folder of a person's own files must be refused
 * before anything is deleted, with what to choose instead.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputFolderProblem } from '../../src/lib/output-folder.ts';

const temp = mkdtempSync(path.join(os.tmpdir(), 'glg-out-'));
const project = path.join(temp, 'project');
const content = path.join(project, 'content');
mkdirSync(path.join(content, 'neighbourhoods'), { recursive: true });
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('where a build may write', () => {
	it('refuses the content folder, a folder holding it, and a folder inside it', () => {
		expect(outputFolderProblem(content, content, project)).toMatch(/^OUT_DIR=.*content is the content folder: a build empties its output folder first, which would delete the guides\. Choose a folder of its own for the built site, like OUT_DIR=dist/);
		const outside = path.join(temp, 'site2');
		mkdirSync(path.join(outside, 'content'), { recursive: true });
		expect(outputFolderProblem(outside, path.join(outside, 'content'), project)).toMatch(/holds the content folder .*would delete the guides/);
		expect(outputFolderProblem(path.join(content, 'dist'), content, project)).toMatch(/is inside the content folder/);
	});

	it('refuses the project folder and any folder above it', () => {
		expect(outputFolderProblem(project, '/glg-content-elsewhere', project)).toMatch(/holds this project .*would delete the project/);
		expect(outputFolderProblem(temp, '/glg-content-elsewhere', project)).toMatch(/holds this project/);
	});

	it('sees through a symbolic link to the content folder', () => {
		const link = path.join(temp, 'link-to-content');
		symlinkSync(content, link);
		expect(outputFolderProblem(link, content, project)).toMatch(/is the content folder/);
	});

	it('refuses a folder of files no build made, naming some of them, and keeps them', () => {
		const mine = path.join(temp, 'Documents');
		mkdirSync(mine);
		for (const name of ['letter.docx', 'photos', 'notes.md', 'budget.xlsx']) writeFileSync(path.join(mine, name), 'mine');
		expect(outputFolderProblem(mine, content, project)).toMatch(/already holds files that no build made \(budget\.xlsx, letter\.docx, notes\.md and 1 more\)/);
	});

	it('builds into a new folder, an empty one, a Git checkout to publish from, or a site built before', () => {
		expect(outputFolderProblem(path.join(project, 'dist'), content, project)).toBeUndefined();
		const empty = path.join(temp, 'empty');
		mkdirSync(path.join(empty, '.git'), { recursive: true });
		writeFileSync(path.join(empty, '.DS_Store'), '');
		expect(outputFolderProblem(empty, content, project)).toBeUndefined();
		const built = path.join(temp, 'built');
		mkdirSync(path.join(built, '_astro'), { recursive: true });
		writeFileSync(path.join(built, 'index.html'), '<!doctype html>');
		expect(outputFolderProblem(built, content, project)).toBeUndefined();
		const halfBuilt = path.join(temp, 'half');
		mkdirSync(path.join(halfBuilt, '.prerender'), { recursive: true });
		expect(outputFolderProblem(halfBuilt, content, project)).toBeUndefined();
	});
});
