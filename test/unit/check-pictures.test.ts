/**
 * Pictures that are not pictures, or far too big for a phone: the check says
 * so, naming the entry, the field and the fix. Before, a HEIC photo with a
 * .jpg name, a PDF and a 68 MB photo all passed, and readers saw a broken
 * picture or waited for it on mobile data.
 */
import { cpSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check-content.ts';
import { PICTURE_MAX_BYTES, PICTURE_WARN_BYTES, pictureKind } from '../../src/lib/picture-file.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { FIXTURE_CONTENT, FIXTURE_TODAY } from '../helpers/build.ts';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';

afterAll(removeScratch);

const today = new Date(`${FIXTURE_TODAY}T00:00:00Z`);
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
/** An SVG whose licence comment runs past the first kilobyte. */
const LICENSED_SVG = Buffer.from(`<?xml version="1.0"?>\n<?xml-stylesheet href="style.css"?>\n<!-- ${'Licensed under CC BY 4.0. '.repeat(40)} -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>`);
const HEIC_START = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);

/** The fixture site with the quiet garden's picture replaced by `bytes` (then grown to `size`, if given), and what the check says about it. */
function pictureSays(name: string, bytes: Buffer, size?: number): string[] {
	const root = scratchDir('glg-pictures-');
	cpSync(FIXTURE_CONTENT, root, { recursive: true });
	const entry = path.join(root, 'neighbourhoods/testwick/assets/quiet-garden.md');
	writeFileSync(entry, readFileSync(entry, 'utf8').replace('../images/garden.png', `../images/${name}`));
	const picture = path.join(root, 'neighbourhoods/testwick/images', name);
	writeFileSync(picture, bytes);
	if (size) truncateSync(picture, size);
	const prefix = `${path.relative(process.cwd(), root)}/`;
	return checkContent(root, { today })
		.problems.filter((p) => p.field === 'image.src')
		.map((p) => `${p.severity}: ${formatProblem(p).replaceAll(prefix, '')}`);
}

describe('pictures in the check', () => {
	it('passes real pictures, whatever their name ends with', () => {
		expect(pictureSays('garden.jpg', readFileSync(path.join(FIXTURE_CONTENT, 'neighbourhoods/testwick/images/garden.png')))).toEqual([]);
		expect(pictureSays('photo.jpg', JPEG_START, 300 * 1024)).toEqual([]);
		expect(pictureSays('logo.svg', LICENSED_SVG)).toEqual([]);
	});

	it('is an error for an iPhone photo in HEIC format named .jpg, with how to get a JPEG', () => {
		const [said, ...more] = pictureSays('photo.jpg', HEIC_START);
		expect(more).toEqual([]);
		expect(said).toMatch(/^error: neighbourhoods\/testwick\/assets\/quiet-garden\.md:\d+: image\.src: "\.\.\/images\/photo\.jpg" is an iPhone photo in HEIC format, not a picture that web browsers can show \(.*save it as a JPEG.*Most Compatible/);
	});

	it('is an error for a document, a web page or an empty file with a picture name', () => {
		expect(pictureSays('flyer.jpg', Buffer.from('%PDF-1.7\n%...'))[0]).toContain('"../images/flyer.jpg" is a PDF document, not a picture that web browsers can show');
		expect(pictureSays('flyer.png', Buffer.from('PK\x03\x04 word/document.xml', 'latin1'))[0]).toContain('is a Word or other document (or a zip file)');
		expect(pictureSays('hall.jpg', Buffer.from('<!DOCTYPE html><html><body><img src="hall.jpg"></body></html>'))[0]).toContain('is a web page saved from a browser');
		expect(pictureSays('hall.jpg', Buffer.alloc(0))[0]).toContain('is an empty file');
	});

	it('warns about a photo over 1 MB, and stops at one over 10 MB, with how to make it smaller', () => {
		expect(pictureSays('big.jpg', JPEG_START, PICTURE_WARN_BYTES + 1)[0]).toMatch(/^warning: .*"\.\.\/images\/big\.jpg" is 1\.0 MB: on an old phone or mobile data it takes a long time to appear \(make it smaller: 1,200 pixels wide/);
		expect(pictureSays('huge.jpg', JPEG_START, 68 * 1024 * 1024)[0]).toMatch(/^error: .*"\.\.\/images\/huge\.jpg" is 68\.0 MB, far too big for a web page \(make it smaller/);
		expect(pictureSays('edge.jpg', JPEG_START, PICTURE_MAX_BYTES)[0]).toMatch(/^warning: /);
	});
});

describe('pictures in the words of an entry', () => {
	it('are checked the same way as the picture at the top', () => {
		const root = scratchDir('glg-pictures-');
		cpSync(FIXTURE_CONTENT, root, { recursive: true });
		const entry = path.join(root, 'neighbourhoods/testwick/assets/weekly-group.md');
		writeFileSync(entry, `${readFileSync(entry, 'utf8')}\n![The hall](../images/hall.jpg)\n\n![The garden](../images/big.jpg)\n`);
		writeFileSync(path.join(root, 'neighbourhoods/testwick/images/hall.jpg'), HEIC_START);
		writeFileSync(path.join(root, 'neighbourhoods/testwick/images/big.jpg'), JPEG_START);
		truncateSync(path.join(root, 'neighbourhoods/testwick/images/big.jpg'), 3 * 1024 * 1024);
		const said = checkContent(root, { today })
			.problems.filter((p) => p.file.endsWith('weekly-group.md') && p.message.startsWith('the picture'))
			.map((p) => `${p.severity}: ${p.message}`);
		expect(said).toEqual([
			expect.stringMatching(/^error: the picture "\.\.\/images\/hall\.jpg" is an iPhone photo in HEIC format, not a picture that web browsers can show/),
			expect.stringMatching(/^warning: the picture "\.\.\/images\/big\.jpg" is 3\.0 MB: on an old phone/),
		]);
	});
});

describe('what a file is, from its first bytes', () => {
	it('knows the pictures browsers show, and SVG drawings', () => {
		const kinds = {
			png: Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'),
			webp: Buffer.from('RIFF\x24\0\0\0WEBPVP8 ', 'latin1'),
			gif: Buffer.from('GIF89a\x01\0\x01\0', 'latin1'),
			avif: Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypavif\0\0\0\0avifmif1miaf', 'latin1')]),
			svg: Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
			// Illustrator's export: entities in the DOCTYPE; and a long licence comment first.
			illustrator: Buffer.from(
				'<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 24.0.0 -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n\t<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">\n\t<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">\n]>\n<svg version="1.1" xmlns="http://www.w3.org/2000/svg"></svg>',
			),
			licensed: LICENSED_SVG,
			jpeg: JPEG_START,
		};
		for (const [name, bytes] of Object.entries(kinds)) expect(pictureKind(bytes).web, name).toBe(true);
	});

	it('knows what is not a picture for the web', () => {
		for (const bytes of [HEIC_START, Buffer.from('BM6\0\0\0', 'latin1'), Buffer.from('II*\0\x08\0', 'latin1'), Buffer.from('hello')]) {
			expect(pictureKind(bytes).web, bytes.toString('latin1')).toBe(false);
		}
	});
});
