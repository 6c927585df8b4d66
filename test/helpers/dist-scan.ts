/**
 * Scanning a whole built site for anything unsafe: every HTML page, every
 * stylesheet, every SVG. Generic on purpose: whatever pages and outputs are
 * added later, they are scanned too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Nodes, Root } from 'hast';
import { find, html as htmlSchema } from 'property-information';
import { htmlToHast } from 'satteri';
import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from '../../src/lib/safety/csp.ts';
import { listFiles } from './dist.ts';

export interface DistFinding {
	file: string;
	what: string;
}

/** Attributes that hold an address. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'cite', 'background', 'ping', 'srcset', 'codebase', 'manifest'];
/** `<link rel>` values that make the browser fetch something. */
const FETCHING_RELS = ['stylesheet', 'preload', 'modulepreload', 'prefetch', 'icon', 'apple-touch-icon', 'manifest', 'preconnect', 'dns-prefetch', 'mask-icon'];

const normalise = (url: string) =>
	// eslint-disable-next-line no-control-regex
	url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');

/** A script, style or picture address that stays on this site under its base path. */
export function isLocal(url: string, base: string): boolean {
	const clean = normalise(url);
	if (/^[a-z][a-z0-9+.-]*:/i.test(clean) || /^[\\/]{2}/.test(clean)) return false;
	return !clean.startsWith('/') || clean.startsWith(base);
}

function isScriptUrl(url: string): boolean {
	return /^(?:javascript|vbscript|livescript):/i.test(normalise(url)) || /^data:(?:text\/html|application\/(?:x-)?javascript|text\/javascript|image\/svg)/i.test(normalise(url));
}

export function scanDist(outDir: string, base: string): DistFinding[] {
	const findings: DistFinding[] = [];
	for (const file of listFiles(outDir)) {
		const full = path.join(outDir, file);
		if (file.endsWith('.html')) findings.push(...scanHtml(file, readFileSync(full, 'utf8'), base));
		else if (file.endsWith('.css')) findings.push(...scanCss(file, readFileSync(full, 'utf8'), base));
		else if (file.endsWith('.svg')) {
			const text = readFileSync(full, 'utf8');
			if (/<script|\son[a-z]+\s*=|javascript:/i.test(text)) findings.push({ file, what: 'an SVG with a script or event handler' });
		}
	}
	return findings;
}

export function scanHtml(file: string, source: string, base: string): DistFinding[] {
	const findings: DistFinding[] = [];
	const report = (what: string) => findings.push({ file, what });
	const tree = htmlToHast(source) as Root;
	let csp: string | undefined;
	let referrer: string | undefined;
	const stack: Nodes[] = [tree];
	while (stack.length) {
		const node = stack.pop()!;
		if (node.type === 'element') inspect(node);
		const children = (node as { children?: Nodes[] }).children;
		if (children) stack.push(...children);
	}
	if (csp !== CONTENT_SECURITY_POLICY) report(`no Content-Security-Policy meta, or a different one (${csp ?? 'none'})`);
	if (referrer !== REFERRER_POLICY) report(`no referrer policy "${REFERRER_POLICY}" (${referrer ?? 'none'})`);
	return findings;

	function inspect(element: Element) {
		const tag = element.tagName;
		const attributes = new Map<string, string>();
		for (const [prop, value] of Object.entries(element.properties ?? {})) {
			const name = find(htmlSchema, prop).attribute.toLowerCase();
			attributes.set(name, Array.isArray(value) ? value.join(' ') : String(value));
		}
		for (const [name, value] of attributes) {
			if (/^on/.test(name)) report(`<${tag} ${name}="${value.slice(0, 40)}">: an event handler`);
			if (name === 'style') report(`<${tag} style="${value.slice(0, 40)}">: an inline style, which the CSP blocks`);
			if (URL_ATTRIBUTES.includes(name)) {
				for (const url of name === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0]) : [value]) {
					if (isScriptUrl(url)) report(`<${tag} ${name}="${url.slice(0, 60)}">: a script address`);
				}
			}
		}
		const src = attributes.get('src');
		switch (tag) {
			case 'script': {
				const type = attributes.get('type')?.toLowerCase();
				if (src === undefined) {
					if (type !== 'application/ld+json') report(`an inline <script${type ? ` type="${type}"` : ''}>, which is not ours and which the CSP blocks`);
				} else if (!isLocal(src, base)) {
					report(`<script src="${src}">: a script from somewhere else`);
				}
				break;
			}
			case 'style':
				report('a <style> element, which the CSP blocks');
				break;
			case 'link': {
				const rels = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
				const target = attributes.get('href') ?? '';
				if (rels.some((rel) => FETCHING_RELS.includes(rel)) && !isLocal(target, base)) report(`<link rel="${rels.join(' ')}" href="${target}">: fetched from somewhere else`);
				break;
			}
			case 'img':
			case 'source':
			case 'video':
			case 'audio':
			case 'track':
			case 'input': {
				for (const name of ['src', 'srcset', 'poster']) {
					const value = attributes.get(name);
					if (value === undefined) continue;
					for (const url of value.split(',').map((s) => s.trim().split(/\s+/)[0])) {
						if (!isLocal(url, base) && !/^data:image\//i.test(normalise(url))) report(`<${tag} ${name}="${url.slice(0, 60)}">: a picture or media from somewhere else`);
					}
				}
				break;
			}
			case 'iframe':
			case 'frame':
			case 'object':
			case 'embed':
			case 'applet':
				report(`<${tag}>: content from somewhere else`);
				break;
			case 'base': {
				// <base target="_top"> (the embeds) only says where links open; an address would send every link elsewhere.
				const target = attributes.get('href');
				if (target !== undefined && !isLocal(target, base)) report(`<base href="${target}">: would send every link somewhere else`);
				break;
			}
			case 'form': {
				const action = attributes.get('action');
				if (action !== undefined && !isLocal(action, base)) report(`<form action="${action}">: sends to somewhere else`);
				break;
			}
			case 'a':
			case 'area': {
				const target = attributes.get('href');
				if (target && /^https?:/i.test(normalise(target))) {
					const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
					if (!rel.includes('noopener') || !rel.includes('noreferrer')) report(`<a href="${target.slice(0, 60)}"> to another site without rel="noopener noreferrer"`);
				}
				break;
			}
			case 'meta': {
				const equiv = attributes.get('http-equiv')?.toLowerCase();
				if (equiv === 'content-security-policy') csp = attributes.get('content');
				if (attributes.get('name')?.toLowerCase() === 'referrer') referrer = attributes.get('content');
				break;
			}
		}
	}
}

export function scanCss(file: string, source: string, base: string): DistFinding[] {
	const findings: DistFinding[] = [];
	for (const match of source.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/gi)) {
		if (!isLocal(match[1], base)) findings.push({ file, what: `@import ${match[1]}: a stylesheet from somewhere else` });
	}
	for (const match of source.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) {
		const url = match[1].trim();
		if (isScriptUrl(url) || (!isLocal(url, base) && !/^data:image\//i.test(url))) {
			findings.push({ file, what: `url(${url.slice(0, 60)}): loaded from somewhere else` });
		}
	}
	if (/expression\s*\(|(?<![\w-])behavior\s*:|-moz-binding/i.test(source)) findings.push({ file, what: 'a CSS expression or binding' });
	return findings;
}
