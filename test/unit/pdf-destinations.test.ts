import { describe, expect, it } from 'vitest';
import { PdfReadError, readPdfDestinations } from '../../src/lib/pdf-destinations.ts';
import { pdfSetting, sizeInWords } from '../../src/integrations/pdfs.ts';

/** A PDF from numbered objects, with a correct cross-reference table. */
function pdf(objects: Record<number, string>, trailer = '/Root 1 0 R'): Buffer {
	let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
	const offsets: number[] = [];
	const count = Math.max(...Object.keys(objects).map(Number)) + 1;
	for (let i = 1; i < count; i++) {
		if (!objects[i]) continue;
		offsets[i] = Buffer.byteLength(body, 'latin1');
		body += `${i} 0 obj\n${objects[i]}\nendobj\n`;
	}
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${count}\n0000000000 65535 f \n`;
	for (let i = 1; i < count; i++) body += offsets[i] === undefined ? '0000000000 65535 f \n' : `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<</Size ${count} ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

describe('reading where named destinations land', () => {
	it('reads a catalog /Dests dictionary over a nested page tree (as Chromium writes it)', () => {
		const file = pdf({
			1: '<</Type /Catalog /Pages 2 0 R /Dests 9 0 R>>',
			2: '<</Type /Pages /Kids [3 0 R 4 0 R] /Count 3>>',
			3: '<</Type /Page /Parent 2 0 R>>',
			4: '<</Type /Pages /Kids [5 0 R 6 0 R] /Count 2 /Parent 2 0 R>>',
			5: '<</Type /Page /Parent 4 0 R /Contents 8 0 R>>',
			6: '<</Type /Page /Parent 4 0 R>>',
			8: '<</Length 20>>\nstream\n(endobj) fake 7 0 R\nendstream',
			9: '<</section-a [3 0 R /XYZ 6 827.66998 0]\n/entry-b#2Dc [5 0 R /XYZ 6 400 0]\n/entry-c <</D [6 0 R /Fit]>>\n/nowhere [99 0 R /Fit]>>',
		});
		const result = readPdfDestinations(file);
		expect(result.pageCount).toBe(3);
		expect(result.pages).toEqual(
			new Map([
				['section-a', 1],
				['entry-b-c', 2],
				['entry-c', 3],
			]),
		);
	});

	it('reads a /Names /Dests name tree', () => {
		const file = pdf({
			1: '<</Type /Catalog /Pages 2 0 R /Names <</Dests 5 0 R>>>>',
			2: '<</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>>',
			3: '<</Type /Page>>',
			4: '<</Type /Page>>',
			5: '<</Kids [6 0 R]>>',
			6: '<</Names [(first\\)) [3 0 R /XYZ 0 0 0] <7365636f6e64> [4 0 R /Fit]] /Limits [(first\\)) (second)]>>',
		});
		expect(readPdfDestinations(file).pages).toEqual(
			new Map([
				['first)', 1],
				['second', 2],
			]),
		);
	});

	it('refuses what it cannot read, saying so', () => {
		expect(() => readPdfDestinations(Buffer.from('not a pdf'))).toThrow(PdfReadError);
		const streamXref = Buffer.from('%PDF-1.5\n1 0 obj\n<</Type /XRef>>\nstream\nx\nendstream\nendobj\nstartxref\n9\n%%EOF\n', 'latin1');
		expect(() => readPdfDestinations(streamXref)).toThrow(/compressed cross-reference stream/);
	});
});

describe('the PDF switch', () => {
	it('reads GUIDE_PDF', () => {
		expect([undefined, '', 'on', 'yes'].map((v) => pdfSetting(v))).toEqual(['on', 'on', 'on', 'on']);
		expect(['off', 'OFF', '0', 'false', 'no'].map((v) => pdfSetting(v))).toEqual(['off', 'off', 'off', 'off', 'off']);
		expect(pdfSetting('required')).toBe('required');
	});

	it('says sizes in words', () => {
		expect([512, 367_400, 1_234_567].map(sizeInWords)).toEqual(['1 KB', '367 KB', '1.2 MB']);
	});
});
