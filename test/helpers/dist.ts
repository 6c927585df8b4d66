/** Reading a built site: its pages, and the links on them. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (current: string) => {
		for (const name of readdirSync(current)) {
			const full = path.join(current, name);
			if (statSync(full).isDirectory()) walk(full);
			else out.push(path.relative(dir, full).split(path.sep).join('/'));
		}
	};
	walk(dir);
	return out.sort();
}

export function htmlFiles(dir: string): string[] {
	return listFiles(dir).filter((f) => f.endsWith('.html'));
}

export function readPage(dir: string, sitePath: string): HTMLElement {
	const file = fileForPath(dir, sitePath);
	if (!existsSync(file)) throw new Error(`No page for ${sitePath} (looked for ${file})`);
	return parse(readFileSync(file, 'utf8'));
}

export function fileForPath(dir: string, sitePath: string): string {
	const clean = decodeURIComponent(sitePath.split(/[?#]/)[0]).replace(/^\/+/, '');
	if (clean === '' || clean.endsWith('/')) return path.join(dir, clean, 'index.html');
	return path.join(dir, clean);
}

/** Text of the page's main content, whitespace collapsed. */
export function mainText(page: HTMLElement): string {
	return (page.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
