// Issue 12, item 2: the output schemas as a running n8n 2.41.1 serves them. n8n answers
// GET /schemas/<node type>/<version>/<resource>/<operation>.json from the installed package's
// nodes/<Node>/__schema__/v<version>/ folder; the editor asks for exactly this URL to show a
// node's fields before it has run. The browser check of that view is in editor.mjs.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { TYPE_PREFIX } from '../../../scripts/lib/package.mjs';
import { ROOT } from '../../../scripts/lib/paths.mjs';
import { serverSession } from '../server.mjs';

/** The schema URL of an operation, as n8n's editor builds it (version 1 padded to 1.0.0). */
export function schemaUrl(baseUrl, typeName, resource, operation) {
	return `${baseUrl}/schemas/${TYPE_PREFIX}${typeName}/1.0.0/${resource}/${operation}.json`;
}

export async function schemasStep(ctx) {
	const { n8n } = await serverSession(ctx);
	ctx.use(n8n);

	const url = schemaUrl(n8n.baseUrl, 'loftyLead', 'lead', 'get');
	const response = await fetch(url);
	assert.equal(response.status, 200, `GET ${url}`);
	const served = await response.json();
	const committed = JSON.parse(readFileSync(join(ROOT, 'nodes', 'LoftyLead', '__schema__', 'v1.0.0', 'lead', 'get.json'), 'utf8'));
	assert.deepEqual(served, committed, 'n8n serves the Lead › Get schema the package ships');
	// The editor shows a schema only when it is an object with properties (isNonEmptyJsonSchema).
	assert.equal(served.type, 'object');
	for (const field of ['leadId', 'firstName', 'emails', 'leadPropertyList']) assert.ok(field in served.properties, `the schema has ${field}`);
	ctx.note(`GET /schemas/${TYPE_PREFIX}loftyLead/1.0.0/lead/get.json: ${Object.keys(served.properties).length} fields, as committed`);

	const unknown = await fetch(schemaUrl(n8n.baseUrl, 'loftyLead', 'lead', 'noSuchOperation'));
	assert.equal(unknown.status, 404, 'an operation without a schema is a 404, as n8n answers for any node');
}
