/**
 * qr.png is written by our own small PNG writer (src/lib/qr.ts), for speed:
 * it must draw exactly the pixels of the qrcode package's renderer.
 */
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPng } from '../../src/lib/qr.ts';

describe('qrPng', () => {
	for (const [url, size] of [
		['https://guides.example.org/mill-lane/', 600],
		['https://guides.example.org/guides/a-much-longer-neighbourhood-name-for-a-bigger-code/', 600],
		['https://x.org/', 333],
	] as const) {
		it(`draws the same pixels as qrcode's own renderer (${size}px, ${url.length} characters)`, async () => {
			const ours = PNG.sync.read(await qrPng(url, size));
			const theirs = PNG.sync.read(await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 4, type: 'png', width: size }));
			expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
			const grey = (png: PNG) => Array.from({ length: png.width * png.height }, (_, i) => png.data[i * 4]);
			expect(grey(ours)).toEqual(grey(theirs));
		});
	}
});
