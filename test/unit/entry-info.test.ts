/**
 * The build reads entries' fields with the check's YAML reader
 * (src/lib/entry-info.ts), in place of Astro's own, to read them as the
 * check did and ten times as fast. Nothing else may change: every field and
 * every body must come out as Astro's reader gives them.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { astroEntryInfo, entryInfo, readingEntriesAsTheCheck } from '../../src/lib/entry-info.ts';
import { TRICKY_VALUES, entryWithValue } from '../helpers/yaml-values.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(tmpdir(), 'entry-info-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function entryFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => /\.mdx?$/.test(name))
		.map((name) => path.join(dir, name));
}

function expectSameAsAstro(source: string, file = 'x.md') {
	expect(entryInfo(source, file)).toEqual(astroEntryInfo(source));
}

/** As the agreement test's values, and values written over more than one line, which a one-line YAML file cannot hold. */
const TRICKY = [...TRICKY_VALUES, '|\n  two\n  lines', '>\n  folded\n  lines'];

describe('entryInfo reads an entry as Astro does', () => {
	for (const value of TRICKY) {
		it(`value: ${value.replace(/\n/g, '\\n')}`, () => {
			expectSameAsAstro(entryWithValue(value));
		});
	}

	it.each([
		['no fields at all', 'Just words.\n'],
		['empty fields', '---\n---\n\nBody.\n'],
		['only a comment', '---\n# nothing yet\n---\nBody.\n'],
		['a list, not fields', '---\n- one\n- two\n---\nBody.\n'],
		['a byte-order mark', '\uFEFF---\ntitle: Tea\n---\nBody.\n'],
		['blank lines first', '\n\n---\ntitle: Tea\n---\nBody.\n'],
		['Windows line ends', '---\r\ntitle: Tea\r\nwhen:\r\n  - day: monday\r\n---\r\n\r\nBody.\r\n'],
		['dashes in the body', '---\ntitle: Tea\n---\nAbove.\n\n---\n\nBelow.\n---\n'],
		['a slug field', '---\ntitle: Tea\nslug: tea-and-cake\n---\nBody.\n'],
		['an anchor and a merge', '---\nbase: &b { cost: free }\nwhere:\n  <<: *b\n  place: Hall\n---\nBody.\n'],
		['TOML, which Astro reads itself', '+++\ntitle = "Tea"\n+++\nBody.\n'],
		['dashes to open, pluses to close, which Astro reads itself', '---\ntitle: Tea\n+++\nBody.\n'],
		['no closing line', '---\ntitle: Tea\n\nBody.\n'],
	])('%s', (_, source) => {
		expectSameAsAstro(source);
	});

	it('a broken field names the file and says where to look', () => {
		const source = '---\ntitle: Tea\nsummary: [unclosed\n---\nBody.\n';
		expect(() => astroEntryInfo(source)).toThrow();
		expect(() => entryInfo(source, 'neighbourhoods/mill-lane/assets/tea.md')).toThrow(
			/neighbourhoods\/mill-lane\/assets\/tea\.md: the fields at the top could not be read .*npm run check/s,
		);
	});

	it('a field written twice is a mistake to both', () => {
		const source = '---\ntitle: Tea\ntitle: Cake\n---\nBody.\n';
		expect(() => astroEntryInfo(source)).toThrow();
		expect(() => entryInfo(source, 'tea.md')).toThrow(/tea\.md: the fields at the top could not be read/);
	});

	it('every entry of the sample guides', () => {
		const files = entryFiles(path.join(ROOT, 'content'));
		expect(files.length).toBeGreaterThan(20);
		for (const file of files) {
			const source = readFileSync(file, 'utf8');
			expect(entryInfo(source, file), file).toEqual(astroEntryInfo(source));
		}
	});

	it('every entry of a generated network (Markdown and MDX)', () => {
		const corpus = generateCorpus({ dir: path.join(temp, 'corpus'), neighbourhoods: 3, assetsPerNeighbourhood: 50, storiesPerNeighbourhood: 10, seed: 7 });
		const files = entryFiles(corpus.dir);
		expect(files.length).toBe(3 + corpus.assets + corpus.stories);
		expect(files.some((file) => file.endsWith('.mdx'))).toBe(true);
		for (const file of files) {
			const source = readFileSync(file, 'utf8');
			expect(entryInfo(source, file), file).toEqual(astroEntryInfo(source));
		}
	});
});

describe('readingEntriesAsTheCheck', () => {
	const astroReads = (_: { contents: string; fileUrl: URL }): unknown => {
		throw new Error("Astro's reader was used");
	};
	const render = async () => async () => ({ html: '' });
	const markdown = { extensions: ['.md'], getEntryInfo: astroReads, getRenderFunction: render, handlePropagation: true };
	const mdx = { extensions: ['.mdx'], getEntryInfo: astroReads, contentModuleTypes: 'types' };
	const yaml = { extensions: ['.yaml'], getEntryInfo: astroReads };
	const context = () => ({
		collection: 'assets',
		entryTypes: new Map<string, object>([
			['.md', markdown],
			['.mdx', mdx],
			['.yaml', yaml],
		]),
	});
	const fileUrl = pathToFileURL(path.join(temp, 'tea.md'));
	const source = '---\ntitle: Tea\n---\nBody.\n';

	it('reads Markdown and MDX entries with entryInfo, and keeps the rest of their types', () => {
		const original = context();
		const reading = readingEntriesAsTheCheck(original);
		expect(reading.collection).toBe('assets');
		for (const extension of ['.md', '.mdx']) {
			const type = reading.entryTypes.get(extension) as typeof markdown;
			expect(type.getEntryInfo({ contents: source, fileUrl })).toEqual({ data: { title: 'Tea' }, body: 'Body.', slug: undefined, rawData: '\ntitle: Tea\n' });
		}
		const md = reading.entryTypes.get('.md') as typeof markdown;
		expect(md.getRenderFunction).toBe(render);
		expect(md.handlePropagation).toBe(true);
		expect((reading.entryTypes.get('.mdx') as typeof mdx).contentModuleTypes).toBe('types');
		// Other file types, and the context Astro gave, are left as they were.
		expect(reading.entryTypes.get('.yaml')).toBe(yaml);
		expect(original.entryTypes.get('.md')).toBe(markdown);
	});

	it('leaves a context without entry types as it is', () => {
		const bare = { collection: 'assets' };
		expect(readingEntriesAsTheCheck(bare)).toBe(bare);
	});
});
