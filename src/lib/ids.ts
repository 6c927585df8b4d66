/**
 * Identifiers that stay the same from build to build, for open data
 * (Open Referral UK wants UUIDs) and calendars (event UIDs).
 *
 * Each is a name-based UUID (version 5, RFC 9562) of what the thing is and
 * where it lives in the content ("service:mill-lane/knit-and-natter"), in a
 * namespace made from the site's address. The same entry on the same site
 * always has the same id; two sites that both have a "mill-lane" never share
 * one, so a council that combines several guides' data cannot mix them up.
 * Ids change only if the guides move to a new address.
 */
import { hash } from 'node:crypto';

/** The RFC 9562 namespace for names that are URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A version 5 (SHA-1, name-based) UUID of `name` in `namespace`. */
export function uuidv5(name: string, namespace: string): string {
	return uuidv5In(namespaceBytes(namespace), name);
}

function namespaceBytes(namespace: string): Buffer {
	const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
	if (ns.length !== 16) throw new Error(`"${namespace}" is not a UUID`);
	return ns;
}

function uuidv5In(ns: Buffer, name: string): string {
	// One call per id, without a Hash object: open data has a dozen ids for each of a network's entries.
	const digest = hash('sha1', Buffer.concat([ns, Buffer.from(name, 'utf8')]), 'buffer');
	digest[6] = (digest[6] & 0x0f) | 0x50;
	digest[8] = (digest[8] & 0x3f) | 0x80;
	const hex = digest.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type IdKind = 'service' | 'organization' | 'location' | 'service_at_location' | 'address' | 'schedule' | 'cost' | 'contact' | 'accessibility' | 'attribute' | 'term' | 'event';

/** Ids for one site: `idsFor("https://guides.example.org/").id("service", "mill-lane/knit-and-natter")`. */
export function idsFor(siteAddress: string) {
	const namespace = uuidv5(siteAddress, URL_NAMESPACE);
	const ns = namespaceBytes(namespace);
	// The taxonomy's terms recur in every service that uses them: hashed once each.
	const terms = new Map<string, string>();
	return {
		namespace,
		id: (kind: IdKind, key: string) => {
			if (kind !== 'term') return uuidv5In(ns, `${kind}:${key}`);
			let id = terms.get(key);
			if (id === undefined) terms.set(key, (id = uuidv5In(ns, `${kind}:${key}`)));
			return id;
		},
	};
}

export type Ids = ReturnType<typeof idsFor>;
