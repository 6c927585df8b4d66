/**
 * The official Open Referral UK 3.0 schemas, read from where they sit beside
 * the repository (../shared/openreferral-uk/), compiled with ajv.
 *
 * The schemas carry Frictionless Data keywords (`name`, `constraints`,
 * `datapackage_type`...) that are not JSON Schema; they are declared as
 * annotations so ajv stays strict about everything else.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ROOT } from './build.ts';

export const ORUK_DIR = path.resolve(ROOT, '../shared/openreferral-uk');

const ANNOTATIONS = ['name', 'path', 'datapackage_metadata', 'datapackage_type', 'constraints', 'core', 'example', 'tabular_required'];

function readSchema(file: string): Record<string, unknown> {
	const full = path.join(ORUK_DIR, file);
	if (!existsSync(full)) {
		throw new Error(`The Open Referral UK schemas are missing: expected ${full} (the repository's ../shared/openreferral-uk/).`);
	}
	return JSON.parse(readFileSync(full, 'utf8')) as Record<string, unknown>;
}

/** The same schema with `additionalProperties: false` on every object: only fields the standard defines. */
function closed(schema: unknown): unknown {
	if (Array.isArray(schema)) return schema.map(closed);
	if (!schema || typeof schema !== 'object') return schema;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(schema)) {
		out[key] = key === 'example' ? value : closed(value);
	}
	if (out.type === 'object' && out.properties) out.additionalProperties = false;
	return out;
}

function compile(schema: unknown): ValidateFunction {
	const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
	ajv.addVocabulary(ANNOTATIONS);
	// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
	const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (a: Ajv) => void;
	addFormats(ajv);
	return ajv.compile(schema as object);
}

let validators: { service: ValidateFunction; closedService: ValidateFunction } | undefined;

function load() {
	if (!validators) {
		const service = readSchema('service.json');
		validators = { service: compile(service), closedService: compile(closed(service)) };
	}
	return validators;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
	return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

/** Problems with one service against the official service.json; [] when valid. */
export function serviceProblems(service: unknown): string[] {
	const { service: validate } = load();
	return validate(service) ? [] : describe(validate.errors);
}

/** Fields the standard does not define (typos such as `opens_At` would pass the open schema). */
export function unknownFields(service: unknown): string[] {
	const { closedService: validate } = load();
	return validate(service) ? [] : describe(validate.errors);
}

/** The page wrapper of a list, as the standard's API describes it. */
export function pageProblems(page: Record<string, unknown>): string[] {
	const problems: string[] = [];
	for (const key of ['total_items', 'total_pages', 'page_number', 'size']) {
		if (typeof page[key] !== 'number') problems.push(`${key} should be a number`);
	}
	for (const key of ['first_page', 'last_page', 'empty']) {
		if (typeof page[key] !== 'boolean') problems.push(`${key} should be true or false`);
	}
	if (!Array.isArray(page.contents)) problems.push('contents should be a list');
	else if (page.total_items !== page.contents.length) problems.push('total_items should count contents');
	return problems;
}
