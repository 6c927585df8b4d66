/**
 * Is a picture file what its name says, and small enough for a reader's
 * phone? Read by the check for each picture an entry or story uses.
 *
 * Browsers show a picture by what is inside the file, whatever its name ends
 * with (a PNG called .jpg shows), so only a file that is no picture a browser
 * can show is an error: most often an iPhone photo (HEIC) saved with a .jpg
 * name, or a document put in the images folder. Size: readers are on old
 * phones and mobile data, and a photo straight from a phone (3 to 10 MB) takes
 * a long time to appear and uses up their data.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Severity } from './problems.ts';

/** Above this a picture gets a warning: a page with it is slow on a phone. */
export const PICTURE_WARN_BYTES = 1024 * 1024;
/** Above this it is an error: no page should ask a phone to fetch it. */
export const PICTURE_MAX_BYTES = 10 * 1024 * 1024;

const FIX_SIZE =
	'make it smaller: 1,200 pixels wide is plenty for a guide, which makes most photos 200 to 400 KB. On a computer, open it and save or export a smaller copy; on a phone, share it to yourself by email and choose "Medium" or "Small"';

type Verdict = { message: string; severity: Severity } | undefined;

/**
 * Each picture file is read once per version: a neighbourhood's few photos are
 * used by many entries, and both the fields and the words of each are checked.
 * Keyed by size and time of change, so an edited picture (in a long preview) is read again.
 */
const verdicts = new Map<string, { version: string; verdict: Verdict }>();

export function pictureProblem(file: string): Verdict {
	const stat = statSync(file);
	const version = `${stat.size}:${stat.mtimeMs}`;
	const known = verdicts.get(file);
	if (known?.version === version) return known.verdict;
	const verdict = judge(file, stat.size);
	verdicts.set(file, { version, verdict });
	return verdict;
}

function judge(file: string, bytes: number): Verdict {
	// Enough for an SVG's XML declaration, a licence comment and a DOCTYPE with entities before <svg>.
	const kind = pictureKind(readStart(file, 8192));
	if (!kind.web) {
		return { message: `${kind.what}, not a picture that web browsers can show (${kind.fix})`, severity: 'error' };
	}
	if (bytes > PICTURE_MAX_BYTES) return { message: `is ${megabytes(bytes)}, far too big for a web page (${FIX_SIZE})`, severity: 'error' };
	if (bytes > PICTURE_WARN_BYTES) {
		return { message: `is ${megabytes(bytes)}: on an old phone or mobile data it takes a long time to appear (${FIX_SIZE})`, severity: 'warning' };
	}
	return undefined;
}

function megabytes(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function readStart(file: string, length: number): Buffer {
	const fd = openSync(file, 'r');
	try {
		const buffer = Buffer.alloc(length);
		const read = readSync(fd, buffer, 0, length, 0);
		return buffer.subarray(0, read);
	} finally {
		closeSync(fd);
	}
}

interface Kind {
	web: boolean;
	/** What the file is, as the start of a sentence about it. */
	what: string;
	fix: string;
}

const PICTURE: Kind = { web: true, what: 'is a picture', fix: '' };
const SAVE_AS = 'save it again as a .jpg or .png picture, and use that';

/** What the first bytes of a file say it is. */
export function pictureKind(start: Buffer): Kind {
	const ascii = (from: number, to: number) => start.subarray(from, to).toString('latin1');
	if (start.length === 0) return { web: false, what: 'is an empty file', fix: 'upload the picture again' };
	if (start[0] === 0xff && start[1] === 0xd8 && start[2] === 0xff) return PICTURE; // JPEG
	if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return PICTURE;
	if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return PICTURE;
	if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return PICTURE;
	if (ascii(4, 8) === 'ftyp') {
		const brands = ascii(8, 12) + ascii(16, Math.min(start.length, 48));
		if (/avi[fs]/.test(brands)) return PICTURE; // AVIF
		if (/hei[cxms]|hev[cx]|mif1|msf1/.test(brands)) {
			return {
				web: false,
				what: 'is an iPhone photo in HEIC format',
				fix: 'most browsers cannot show HEIC: save it as a JPEG. On the iPhone, Settings, Camera, Formats, "Most Compatible" takes JPEGs from now on; or open it on a computer and export it as JPEG',
			};
		}
		return { web: false, what: 'is a video or other media file', fix: SAVE_AS };
	}
	if (ascii(0, 5) === '%PDF-') return { web: false, what: 'is a PDF document', fix: 'take a screenshot of the part you want, or save the page as a .jpg or .png picture' };
	if (ascii(0, 4) === 'PK\x03\x04') return { web: false, what: 'is a Word or other document (or a zip file)', fix: SAVE_AS };
	if (start[0] === 0x42 && start[1] === 0x4d) return { web: false, what: 'is a BMP picture', fix: SAVE_AS };
	if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return { web: false, what: 'is a TIFF picture', fix: SAVE_AS };
	const text = start.toString('utf8').replace(/^\uFEFF/, '');
	// An SVG drawing: before <svg> only XML declarations and instructions, comments, and a DOCTYPE (Illustrator's has entities in [ ]).
	const prolog = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, '');
	if (/^\s*<svg[\s>]/i.test(prolog)) return PICTURE;
	if (/^\s*<(!doctype html|html)/i.test(text)) return { web: false, what: 'is a web page saved from a browser', fix: 'right-click the picture itself and choose "Save image as", and use that' };
	return { web: false, what: 'is not a picture file (or is damaged)', fix: SAVE_AS };
}
