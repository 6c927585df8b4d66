/** Build the shared test sites once, before the integration tests run. */
import { SITES, buildOrThrow } from './build.ts';

export default function setup() {
	for (const site of Object.values(SITES)) {
		const started = Date.now();
		buildOrThrow(site);
		console.log(`built ${site.name} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
	}
}
