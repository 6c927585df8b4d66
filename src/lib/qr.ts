/**
 * QR codes for printed guides, posters and surgeries, made at build time with
 * no network. Error correction level M survives a creased or photocopied page.
 */
import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** A QR code as an SVG document (scales to any print size). */
export async function qrSvg(url: string): Promise<string> {
	return QRCode.toString(url, { ...OPTIONS, type: 'svg', color: { dark: '#000000', light: '#ffffff' } });
}

/**
 * A QR code as a PNG image, `size` pixels square: the same pixels as the
 * qrcode package draws, written as a one-bit greyscale PNG. (Its own PNG
 * writer makes 32-bit colour and tries five filters on every row: a tenth of
 * the build's time on a network of hundreds of neighbourhoods, for a file
 * twenty times the size.)
 */
export async function qrPng(url: string, size = 600): Promise<Buffer> {
	const { modules } = QRCode.create(url, { errorCorrectionLevel: OPTIONS.errorCorrectionLevel });
	return blackAndWhitePng(modules, size, OPTIONS.margin);
}

/** The module grid, `margin` modules of white round it, scaled to `width` pixels as qrcode's renderer does. */
function blackAndWhitePng(modules: { size: number; data: Uint8Array | ArrayLike<number> }, width: number, margin: number): Buffer {
	const count = modules.size;
	const scale = width >= count + margin * 2 ? width / (count + margin * 2) : 4;
	const pixels = Math.floor((count + margin * 2) * scale);
	const edge = margin * scale;
	const rowBytes = 1 + Math.ceil(pixels / 8);
	// One byte per row for the filter (0: none), then eight pixels a byte; 1 is white, as the bytes start.
	const raw = Buffer.alloc(rowBytes * pixels, 0);
	for (let y = 0; y < pixels; y++) {
		const row = y * rowBytes;
		raw.fill(0xff, row + 1, row + rowBytes);
		if (y < edge || y >= pixels - edge) continue;
		const moduleRow = Math.floor((y - edge) / scale) * count;
		for (let x = Math.ceil(edge); x < pixels - edge; x++) {
			if (modules.data[moduleRow + Math.floor((x - edge) / scale)]) raw[row + 1 + (x >> 3)] &= ~(0x80 >> (x & 7));
		}
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(pixels, 0);
	header.writeUInt32BE(pixels, 4);
	header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter method, not interlaced
	return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}
