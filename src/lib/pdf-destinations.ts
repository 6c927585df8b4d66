/**
 * On which page each named destination of a PDF lands: enough of a PDF reader
 * to number the printed guide's contents and A to Z.
 *
 * Chromium writes a named destination for every element that a link in the
 * page points to (`<a href="#entry-repair-cafe">`), so the print pages link
 * their contents and index to what they list, and this reads the page of each
 * one back. It reads what Chromium (Skia) writes: a classic cross-reference
 * table and plain dictionaries; a PDF made another way (compressed object
 * streams) is refused with a clear error rather than misread. A PDF library
 * would read any PDF, but the ones that do this (pdf.js, mupdf) weigh tens of
 * megabytes for the two dictionaries we need.
 */

export interface PdfDestinations {
	pageCount: number;
	/** Destination name → page number, from 1. */
	pages: Map<string, number>;
}

type Value = number | string | boolean | null | Name | Ref | Value[] | Dict;
interface Name {
	name: string;
}
interface Ref {
	ref: number;
}
type Dict = Map<string, Value>;

export class PdfReadError extends Error {
	constructor(message: string) {
		super(`Could not read page numbers from the PDF: ${message}`);
	}
}

export function readPdfDestinations(pdf: Uint8Array): PdfDestinations {
	const file = new PdfFile(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1'));
	const root = file.dict(file.trailer.get('Root'), 'the document catalog (/Root)');

	const pageNumbers = new Map<number, number>();
	const walk = (node: Value | undefined, depth: number) => {
		if (depth > 64) throw new PdfReadError('the page tree is too deep');
		const ref = asRef(node);
		const dict = file.dict(node, 'a page tree node');
		if (isName(dict.get('Type'), 'Page')) {
			if (ref) pageNumbers.set(ref.ref, pageNumbers.size + 1);
			return;
		}
		for (const kid of asArray(file.resolve(dict.get('Kids')))) walk(kid, depth + 1);
	};
	walk(root.get('Pages'), 0);

	const pages = new Map<string, number>();
	const record = (name: string, dest: Value | undefined) => {
		let target = file.resolve(dest);
		if (target instanceof Map) target = file.resolve(target.get('D'));
		const pageRef = asRef(asArray(target)[0]);
		const page = pageRef && pageNumbers.get(pageRef.ref);
		if (page) pages.set(name, page);
	};
	// PDF 1.1 style: a dictionary of names in the catalog (what Chromium writes).
	const dests = file.resolve(root.get('Dests'));
	if (dests instanceof Map) for (const [name, dest] of dests) record(name, dest);
	// PDF 1.2 style: a name tree under /Names /Dests.
	const names = file.resolve(root.get('Names'));
	if (names instanceof Map) {
		const visit = (node: Value | undefined, depth: number) => {
			const dict = file.resolve(node);
			if (!(dict instanceof Map) || depth > 64) return;
			const pairs = asArray(file.resolve(dict.get('Names')));
			for (let i = 0; i + 1 < pairs.length; i += 2) {
				const key = pairs[i];
				if (typeof key === 'string') record(key, pairs[i + 1]);
			}
			for (const kid of asArray(file.resolve(dict.get('Kids')))) visit(kid, depth + 1);
		};
		visit(names.get('Dests'), 0);
	}
	return { pageCount: pageNumbers.size, pages };
}

class PdfFile {
	readonly offsets = new Map<number, number>();
	readonly trailer: Dict;
	private readonly cache = new Map<number, Value>();
	readonly text: string;

	constructor(text: string) {
		this.text = text;
		const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024));
		if (!start) throw new PdfReadError('it has no cross-reference table (is it a complete PDF?)');
		let trailer: Dict | undefined;
		let at: number | undefined = Number(start[1]);
		const seen = new Set<number>();
		while (at !== undefined && !seen.has(at)) {
			seen.add(at);
			const section = this.readXref(at);
			trailer ??= section.trailer;
			const prev = section.trailer.get('Prev');
			at = typeof prev === 'number' ? prev : undefined;
		}
		this.trailer = trailer!;
	}

	private readXref(at: number): { trailer: Dict } {
		const parser = new Parser(this.text, at);
		if (!parser.keyword('xref')) {
			throw new PdfReadError('it uses a compressed cross-reference stream, which this reader does not handle (it reads the PDFs Chromium writes)');
		}
		for (;;) {
			parser.skipSpace();
			if (parser.keyword('trailer')) break;
			const first = parser.integer();
			const count = parser.integer();
			for (let i = 0; i < count; i++) {
				const offset = parser.integer();
				parser.integer();
				parser.skipSpace();
				const kind = this.text[parser.at++];
				if (kind === 'n' && !this.offsets.has(first + i)) this.offsets.set(first + i, offset);
			}
		}
		const trailer = parser.value();
		if (!(trailer instanceof Map)) throw new PdfReadError('its trailer is not a dictionary');
		return { trailer };
	}

	object(num: number): Value {
		if (this.cache.has(num)) return this.cache.get(num)!;
		const offset = this.offsets.get(num);
		if (offset === undefined) throw new PdfReadError(`object ${num} is not in the cross-reference table`);
		const parser = new Parser(this.text, offset);
		parser.integer();
		parser.integer();
		if (!parser.keyword('obj')) throw new PdfReadError(`object ${num} is not where the cross-reference table says`);
		const value = parser.value();
		this.cache.set(num, value);
		return value;
	}

	resolve(value: Value | undefined, depth = 0): Value | undefined {
		const ref = asRef(value);
		if (!ref) return value;
		if (depth > 32) throw new PdfReadError('references go round in a circle');
		return this.resolve(this.object(ref.ref), depth + 1);
	}

	dict(value: Value | undefined, what: string): Dict {
		const resolved = this.resolve(value);
		if (!(resolved instanceof Map)) throw new PdfReadError(`${what} is not a dictionary`);
		return resolved;
	}
}

const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';

class Parser {
	readonly text: string;
	at: number;

	constructor(text: string, at: number) {
		this.text = text;
		this.at = at;
	}

	skipSpace() {
		for (;;) {
			const c = this.text[this.at];
			if (isSpace(c)) this.at++;
			else if (c === '%') while (this.at < this.text.length && this.text[this.at] !== '\n' && this.text[this.at] !== '\r') this.at++;
			else return;
		}
	}

	keyword(word: string): boolean {
		this.skipSpace();
		if (this.text.startsWith(word, this.at) && !this.isRegular(this.text[this.at + word.length])) {
			this.at += word.length;
			return true;
		}
		return false;
	}

	integer(): number {
		this.skipSpace();
		const m = /^[+-]?\d+/.exec(this.text.slice(this.at, this.at + 24));
		if (!m) throw new PdfReadError(`expected a number at byte ${this.at}`);
		this.at += m[0].length;
		return Number(m[0]);
	}

	private isRegular(c: string | undefined): boolean {
		return c !== undefined && !isSpace(c) && !DELIMITERS.has(c);
	}

	private token(): string {
		const start = this.at;
		while (this.isRegular(this.text[this.at])) this.at++;
		return this.text.slice(start, this.at);
	}

	value(): Value {
		this.skipSpace();
		const c = this.text[this.at];
		if (c === '<' && this.text[this.at + 1] === '<') {
			this.at += 2;
			const dict: Dict = new Map();
			for (;;) {
				this.skipSpace();
				if (this.text.startsWith('>>', this.at)) {
					this.at += 2;
					return dict;
				}
				const key = this.value();
				if (!isNameValue(key)) throw new PdfReadError(`a dictionary key is not a name at byte ${this.at}`);
				dict.set(key.name, this.value());
			}
		}
		if (c === '[') {
			this.at++;
			const list: Value[] = [];
			for (;;) {
				this.skipSpace();
				if (this.text[this.at] === ']') {
					this.at++;
					return list;
				}
				if (this.at >= this.text.length) throw new PdfReadError('an array does not end');
				list.push(this.value());
			}
		}
		if (c === '/') {
			this.at++;
			return { name: this.token().replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) };
		}
		if (c === '(') return this.literalString();
		if (c === '<') {
			const end = this.text.indexOf('>', this.at);
			const hex = this.text.slice(this.at + 1, end).replace(/\s+/g, '');
			this.at = end + 1;
			return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1');
		}
		const word = this.token();
		if (word === '') throw new PdfReadError(`unexpected "${c}" at byte ${this.at}`);
		if (word === 'true' || word === 'false') return word === 'true';
		if (word === 'null') return null;
		const number = Number(word);
		if (Number.isNaN(number)) throw new PdfReadError(`unexpected "${word}" at byte ${this.at}`);
		// "12 0 R" is a reference to object 12.
		if (Number.isInteger(number)) {
			const save = this.at;
			const rest = /^\s+(\d+)\s+R(?![^\s()<>[\]{}/%])/.exec(this.text.slice(this.at, this.at + 32));
			if (rest) {
				this.at += rest[0].length;
				return { ref: number };
			}
			this.at = save;
		}
		return number;
	}

	private literalString(): string {
		this.at++;
		let depth = 1;
		let out = '';
		while (this.at < this.text.length) {
			const c = this.text[this.at++];
			if (c === '\\') {
				const next = this.text[this.at++];
				const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
				if (next in escapes) out += escapes[next];
				else if (/[0-7]/.test(next)) {
					let octal = next;
					while (octal.length < 3 && /[0-7]/.test(this.text[this.at])) octal += this.text[this.at++];
					out += String.fromCharCode(parseInt(octal, 8));
				} else if (next === '\r' || next === '\n') {
					if (next === '\r' && this.text[this.at] === '\n') this.at++;
				} else out += next;
			} else if (c === '(') {
				depth++;
				out += c;
			} else if (c === ')') {
				if (--depth === 0) return out;
				out += c;
			} else out += c;
		}
		throw new PdfReadError('a string does not end');
	}
}

function isNameValue(value: Value): value is Name {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && 'name' in value;
}

function isName(value: Value | undefined, name: string): boolean {
	return value !== undefined && isNameValue(value) && value.name === name;
}

function asRef(value: Value | undefined): Ref | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && 'ref' in value ? value : undefined;
}

function asArray(value: Value | undefined): Value[] {
	return Array.isArray(value) ? value : [];
}
