/**
 * QR codes for printed guides, posters and surgeries, made at build time with
 * no network. Error correction level M survives a creased or photocopied page.
 */
import QRCode from 'qrcode';

const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

/** A QR code as an SVG document (scales to any print size). */
export async function qrSvg(url: string): Promise<string> {
	return QRCode.toString(url, { ...OPTIONS, type: 'svg', color: { dark: '#000000', light: '#ffffff' } });
}

/** A QR code as a PNG image, `size` pixels square. */
export async function qrPng(url: string, size = 600): Promise<Buffer> {
	return QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width: size });
}

/** A QR code as a data: URL, to put straight into an <img> in a page. */
export async function qrSvgDataUrl(url: string): Promise<string> {
	return `data:image/svg+xml;base64,${Buffer.from(await qrSvg(url)).toString('base64')}`;
}
