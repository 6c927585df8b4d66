/** Validate a value with a schema and return the problems as the check would print them (without lines). */
import type { z } from 'astro/zod';
import { formatProblem, problemsFromZod } from '../../src/lib/problems.ts';

export function messages(schema: z.ZodType, data: unknown): string[] {
	const result = schema.safeParse(data);
	if (result.success) return [];
	return problemsFromZod(result.error, { file: 'entry.md', data }).map((p) => formatProblem(p).replace(/^entry\.md: /, ''));
}

export function parsed<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
	const result = schema.safeParse(data);
	if (!result.success) throw new Error(`expected valid, got: ${messages(schema, data).join('\n')}`);
	return result.data;
}
