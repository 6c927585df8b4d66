/**
 * The check reads every value exactly as the build does. The check reads
 * with js-yaml 4 (YAML 1.2), and so does the build for Markdown and MDX
 * entries (src/lib/entry-info.ts). Astro 7.4's own reader, for
 * `themes.yaml` (its file() loader) and for anything else that reads an
 * entry's frontmatter, is the `yaml` package, through @astrojs/internal-helpers'
 * `parseYaml`, which `parseFrontmatter` (astro/markdown) calls. Here the
 * readings are compared on values that readers disagree on. gray-matter's
 * own js-yaml 3 follows YAML 1.1 and read some of them differently (18:00 as
 * 1080, 0123 as 83, 07700900441 as text), so the check once passed entries
 * the build then crashed on.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseEntrySource, parseYamlSource } from '../../src/lib/frontmatter.ts';
import { TRICKY_VALUES, entryWithValue as entry } from '../helpers/yaml-values.ts';


/** A YAML document as Astro reads it: a frontmatter block's YAML is read by the same parseYaml as a data file. */
const astroYaml = (source: string) => parseFrontmatter(`---\n${source}---\n`).frontmatter;

describe('the check reads YAML as Astro does', () => {
	for (const value of TRICKY_VALUES) {
		it(`frontmatter: value: ${value}`, () => {
			const source = entry(value);
			const astro = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).frontmatter;
			const check = parseEntrySource(source, 'x.md');
			expect(check.problems).toEqual([]);
			expect(check.data).toEqual(astro);
		});
		it(`YAML file: value: ${value}`, () => {
			const source = `- id: tea\n  value: ${value}\n`;
			const check = parseYamlSource(source, 'themes.yaml');
			expect(check.problems).toEqual([]);
			// As Astro's file() loader reads themes.yaml: the same parseYaml as its frontmatter.
			expect(check.data).toEqual(astroYaml(source));
		});
	}

	it('an unquoted phone number is a number to Astro, so it is to the check', () => {
		expect(parseEntrySource(entry('07700900441'), 'x.md').data).toMatchObject({ value: 7700900441 });
	});

	it('an unquoted 18:00 is text to Astro (YAML 1.2), not 1080', () => {
		expect(parseEntrySource(entry('18:00'), 'x.md').data).toMatchObject({ value: '18:00' });
	});

	it('the js-yaml the check and the build read with is version 4 (YAML 1.2)', () => {
		const jsYaml = createRequire(import.meta.url).resolve('js-yaml');
		expect(createRequire(jsYaml)(path.join(path.dirname(jsYaml), 'package.json')).version).toMatch(/^4\./);
		// Version 4 reads 18:00 as text where version 3 read 1080.
		expect(load('t: 18:00')).toEqual({ t: '18:00' });
	});

	it('keeps the lines of the body', () => {
		const parsed = parseEntrySource('---\ntitle: Tea\nsummary: Cake\n---\n\nBody.\n', 'x.md');
		expect(parsed.bodyLine).toBe(5);
		expect(parsed.body).toBe('\nBody.\n');
	});
});
