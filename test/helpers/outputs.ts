/**
 * The text of every file a build wrote, whatever its kind: pages, feeds,
 * exports, the search index (Pagefind compresses its files: they are
 * unzipped), and PDFs (read with pdftotext). Tests search it for what must
 * never be published. Generic on purpose: outputs added later are read too.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listFiles } from './dist.ts';

export interface OutputText {
	file: string;
	text: string;
}

/** Files whose bytes are pictures, fonts or code engines: no words of the guide can hide in them. */
const OPAQUE = /\.(?:png|jpe?g|webp|avif|gif|ico|wasm|woff2?|ttf|otf)$/i;

export function readOutputs(outDir: string): OutputText[] {
	const outputs: OutputText[] = [];
	for (const file of listFiles(outDir)) {
		if (OPAQUE.test(file)) continue;
		const bytes = readFileSync(path.join(outDir, file));
		outputs.push({ file, text: textOf(file, bytes, path.join(outDir, file)) });
	}
	return outputs;
}

function textOf(file: string, bytes: Buffer, fullPath: string): string {
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
		// Pagefind's index, fragments and filters are gzip files (with a "pagefind_dcd" marker inside).
		return gunzipSync(bytes).toString('latin1') + '\n' + gunzipSync(bytes).toString('utf8');
	}
	if (file.endsWith('.pdf')) {
		// Without pdftotext a PDF cannot be read, and a test that cannot read an output must not pass.
		return execFileSync('pdftotext', ['-layout', fullPath, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	}
	return bytes.toString('utf8');
}

/** Every place a pattern is found, as "file: …context…". */
export function findIn(outputs: readonly OutputText[], pattern: RegExp): string[] {
	const hits: string[] = [];
	const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
	for (const { file, text } of outputs) {
		for (const match of text.matchAll(global)) {
			const at = match.index ?? 0;
			hits.push(`${file}: …${text.slice(Math.max(0, at - 40), at + match[0].length + 40).replace(/\s+/g, ' ')}…`);
		}
	}
	return hits;
}
