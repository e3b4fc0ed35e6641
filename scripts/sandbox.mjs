// The Lofty sandbox: the fake Lofty server of test/fake-lofty, with demo data and a rate limit.
//
//   node scripts/sandbox.mjs            runs it standalone until Ctrl-C and prints its URL and key
//
// The fake is TypeScript; it is compiled with tsconfig.sandbox.json into .cache/sandbox/ (only
// when its sources changed) and loaded from there, so it runs in the plain Node.js of the
// scripts. Besides Lofty's /v1.0 API it answers a few sandbox-only routes under /_sandbox
// (no authentication, see CONTROL_ROUTES), e.g. to play Lofty sending a webhook event.

import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { CACHE, ROOT } from './lib/paths.mjs';
import { run } from './lib/proc.mjs';

const SOURCE = join(ROOT, 'test', 'fake-lofty');
// The fake takes Node's modules from test/support/node.js, so the build mirrors test/.
const NODE_MODULES_SHIM = join(ROOT, 'test', 'support', 'node.js');
const OUT = join(CACHE, 'sandbox');
const BUILD = join(OUT, 'fake-lofty');
const STAMP = join(OUT, '.built');

export const SANDBOX_API_KEY = 'sandbox-api-key';
/** The app registered with the sandbox's OAuth server (the "Lofty Sandbox (OAuth2)" credential's). */
export const SANDBOX_OAUTH_APP = { id: 'lofty-sandbox-app', secret: 'lofty-sandbox-app-secret', name: 'n8n (Lofty Sandbox app)' };

/** A Lofty OAuth2 credential's data for an app of the sandbox at `baseUrl` (its consent page and token URL). */
export function oauthCredentialData(baseUrl, app) {
	return {
		clientId: app.id,
		clientSecret: app.secret,
		authUrl: `${baseUrl}/page/vendor-auth.html`,
		accessTokenUrl: `${baseUrl}/api/user-web/oauth/token`,
		baseUrl,
	};
}

/** Lofty's documented per-app limit in development: 100 requests a minute. */
export const DEMO_RATE_LIMIT = { limit: 100, windowMs: 60_000, resetStyle: 'remaining-ms' };

/** How many records `seedDemo` adds. */
export const DEMO_COUNTS = { leads: 300, agents: 5, notedLeads: 25, notesPerLead: 3, tasksPerLead: 2, calls: 60, logs: 40, listings: 30, systemLogs: 50 };

export const CONTROL_ROUTES = [
	'GET  /_sandbox                  what the sandbox holds (counts, rate limit, webhook subscriptions)',
	'GET  /_sandbox/requests?last=N  the last N requests it received (default 50)',
	'POST /_sandbox/events           {"listId":2,"payload":{...}}: plays Lofty delivering an event to the subscribed callback URLs',
	'PUT  /_sandbox/rate-limit       {"limit":5,"windowMs":1000} (or null for none)',
	'POST /_sandbox/oauth/expire     lets every OAuth access token expire now (the next call gets 401, n8n refreshes)',
];

function newestSourceTime() {
	let newest = 0;
	for (const name of readdirSync(SOURCE)) {
		if (name.endsWith('.ts')) newest = Math.max(newest, statSync(join(SOURCE, name)).mtimeMs);
	}
	return Math.max(newest, statSync(NODE_MODULES_SHIM).mtimeMs, statSync(join(ROOT, 'tsconfig.sandbox.json')).mtimeMs);
}

/** Compiles test/fake-lofty into .cache/sandbox/ when it is missing or older than its sources. */
export async function buildSandbox() {
	if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSourceTime()) return BUILD;
	const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	if (!existsSync(tsc)) throw new Error('TypeScript is not installed: run `npm ci --ignore-scripts` first.');
	mkdirSync(OUT, { recursive: true });
	await run(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.sandbox.json')], { cwd: ROOT, label: 'tsc -p tsconfig.sandbox.json' });
	writeFileSync(STAMP, new Date().toISOString());
	return BUILD;
}

/** The compiled fake's modules: the index plus the route files that export seeders and helpers. */
export function loadFake() {
	const require = createRequire(join(BUILD, 'index.js'));
	const optional = (file) => {
		try {
			return require(join(BUILD, file));
		} catch {
			return {};
		}
	};
	return {
		...optional('routes-members.js'),
		...optional('routes-notes.js'),
		...optional('routes-tasks.js'),
		...optional('routes-calls.js'),
		...optional('routes-log-types.js'),
		...optional('routes-team-features.js'),
		...optional('routes-organization.js'),
		...optional('routes-webhooks.js'),
		...require(join(BUILD, 'index.js')),
	};
}

/**
 * Fills a fake with a small brokerage: agents, a few hundred leads with notes, tasks and
 * activities, calls, emails, texts, logs, listings, system logs and two webhook subscriptions.
 * Seeders the fake does not have (yet) are skipped; returns what was seeded.
 */
export function seedDemo(fake, lib, counts = DEMO_COUNTS) {
	const seeded = {};
	const skipped = [];
	const attempt = (what, fn) => {
		try {
			const result = fn();
			seeded[what] = Array.isArray(result) ? result.length : result;
		} catch (error) {
			skipped.push(`${what} (${error.message})`);
		}
	};
	const data = fake.data;
	const leadIds = () => Array.from({ length: counts.notedLeads }, (_, i) => lib.LEAD_ID_BASE + 1 + i);
	attempt('agents', () => {
		lib.seedMembers(data, counts.agents);
		return data.members.length;
	});
	attempt('leads', () => {
		fake.seedLeads(counts.leads);
		return counts.leads;
	});
	attempt('notes', () => leadIds().reduce((sum, id) => sum + lib.seedNotes(data, id, counts.notesPerLead).length, 0));
	attempt('tasks', () => leadIds().reduce((sum, id) => sum + lib.seedTasks(data, id, counts.tasksPerLead).length, 0));
	attempt('appointments', () => lib.seedAppointments(data, lib.LEAD_ID_BASE + 1, 2));
	attempt('activities', () => {
		for (const id of leadIds()) fake.seedActivities(id, 5);
		return counts.notedLeads * 5;
	});
	attempt('calls, emails and texts', () => {
		fake.seedCallHistory(counts.calls);
		return counts.calls * 3;
	});
	attempt('call logs', () => lib.seedLogTypes(data, counts.logs));
	attempt('listings', () => {
		fake.seedListings(counts.listings);
		return counts.listings;
	});
	attempt('system logs', () => {
		fake.seedSystemLogs(counts.systemLogs);
		return counts.systemLogs;
	});
	attempt('agent communication', () => {
		const end = Date.now();
		fake.seedAgentCommunication(48, end - 24 * 3_600_000, end);
		return 48;
	});
	attempt('lead ponds', () => lib.seedLeadPonds(data, 2));
	attempt('webhook subscriptions', () => {
		const hooks = lib.webhooksOf(data);
		// Someone else's integrations (".invalid" never resolves, so deliveries to them fail fast).
		hooks.add({ listId: 1, callbackUrl: 'https://crm-sync.example.invalid/lofty/agents' });
		hooks.add({ listId: 3, callbackUrl: 'https://analytics.example.invalid/lofty/activity' });
		return hooks.size;
	});
	return { seeded, skipped };
}

function summarize(request, lib) {
	const summary = { at: new Date(request.at).toISOString(), method: request.method, path: request.path, query: request.query, status: request.status };
	if (request.path !== lib.OAUTH_TOKEN_PATH) return summary;
	// What the token endpoint received, without secrets: the client secret, tokens and most of a code.
	const client = lib.basicCredentials(request.headers.authorization);
	const form = new URLSearchParams(request.rawBody);
	const code = form.get('code');
	return {
		...summary,
		received: {
			clientAuth: client ? `Basic, client id ${client.id}` : 'none',
			grantType: form.get('grant_type'),
			redirectUri: form.get('redirect_uri') ?? undefined,
			code: code ? `${code.slice(0, 6)}…` : undefined,
		},
	};
}

/** What an event with no subscriber says: nothing will run until a trigger subscribes. */
export function noSubscriberHint(listId, workflowName) {
	const which = workflowName ? `the workflow "${workflowName}"` : `a workflow whose Lofty Trigger listens to list ${listId}`;
	return `0 subscribers: nothing runs. Publish ${which} in n8n first (its Lofty Trigger subscribes when it is published), then send the event again.`;
}

/** Adds the /_sandbox routes to a fake (see CONTROL_ROUTES). */
function addControlRoutes(fake, lib, log, hookWorkflowName) {
	const open = { auth: 'none' };
	fake.router.get(
		'/_sandbox',
		({ data }) => ({
			body: {
				leads: data.leads.size,
				members: data.members.length,
				rateLimit: fake.rateLimit,
				webhooks: lib.webhooksOf ? lib.webhooksOf(data).list() : [],
				requests: fake.requests.length,
				routes: CONTROL_ROUTES,
			},
		}),
		open,
	);
	fake.router.get(
		'/_sandbox/requests',
		({ query }) => {
			const last = query.int('last') ?? 50;
			return { body: fake.requests.slice(-last).map((request) => summarize(request, lib)) };
		},
		open,
	);
	fake.router.put(
		'/_sandbox/rate-limit',
		({ body }) => {
			const config = body && typeof body === 'object' && body.limit ? { resetStyle: 'remaining-ms', windowMs: 60_000, ...body } : undefined;
			fake.setRateLimit(config);
			return { body: { rateLimit: fake.rateLimit } };
		},
		{ ...open, body: 'json-optional' },
	);
	fake.router.post('/_sandbox/oauth/expire', () => ({ body: { expired: fake.oauth.expireAll() } }), { ...open, body: 'none' });
	fake.router.post(
		'/_sandbox/events',
		({ body, data }) => {
			const listId = Number(body?.listId);
			const payload = body?.payload ?? {};
			const subscribers = lib.webhooksOf(data).list().filter((s) => s.listId === listId);
			void lib.deliverWebhookEvent(data, listId, payload).then(
				(deliveries) => {
					for (const d of deliveries) log(`webhook event (list ${listId}) -> ${d.callbackUrl.split('?')[0]}: ${d.status || d.error}`);
				},
				(error) => log(`webhook event (list ${listId}) failed: ${error.message}`),
			);
			const hint = subscribers.length ? {} : { hint: noSubscriberHint(listId, hookWorkflowName) };
			return { status: 202, body: { listId, subscribers: subscribers.length, ...hint } };
		},
		open,
	);
}

/**
 * Starts a sandbox. Options: apiKey, rateLimit (undefined = none), seed ('demo' | 'none'),
 * log(line), hookWorkflowName (the workflow an event without subscribers tells to publish).
 * Returns {fake, lib, baseUrl, apiKey, seeded, stop()}.
 */
export async function startSandbox({ apiKey = SANDBOX_API_KEY, rateLimit = DEMO_RATE_LIMIT, seed = 'demo', log = () => undefined, hookWorkflowName } = {}) {
	await buildSandbox();
	const lib = loadFake();
	const fake = new lib.FakeLofty({ apiKey, rateLimit });
	fake.oauth.addClient(SANDBOX_OAUTH_APP);
	let seeded = { seeded: {}, skipped: [] };
	if (seed === 'demo') seeded = seedDemo(fake, lib);
	addControlRoutes(fake, lib, log, hookWorkflowName);
	const baseUrl = await fake.start();
	return { fake, lib, baseUrl, apiKey, seeded, stop: () => fake.stop() };
}

/** One line per seeded kind, for the console. */
export function describeSeed({ seeded, skipped }) {
	const parts = Object.entries(seeded).map(([what, n]) => `${n} ${what}`);
	const lines = [`  seeded: ${parts.join(', ')}`];
	if (skipped.length) lines.push(`  not seeded (the fake lacks them): ${skipped.join('; ')}`);
	return lines.join('\n');
}

function parseRateLimit(text) {
	if (!text) return DEMO_RATE_LIMIT;
	if (text === 'off' || text === 'none') return undefined;
	const m = /^(\d+)\/(\d+)(ms|s|m)?$/.exec(text.trim());
	if (!m) throw new Error(`SANDBOX_RATE_LIMIT must look like 100/60s, 5/1s or off (got "${text}")`);
	const unit = { ms: 1, s: 1000, m: 60_000 }[m[3] ?? 's'];
	return { limit: Number(m[1]), windowMs: Number(m[2]) * unit, resetStyle: 'remaining-ms' };
}

export { parseRateLimit };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { exitWithParent, onShutdown } = await import('./lib/proc.mjs');
	exitWithParent();
	const log = (line) => process.stdout.write(`[sandbox] ${line}\n`);
	const sandbox = await startSandbox({ rateLimit: parseRateLimit(process.env.SANDBOX_RATE_LIMIT), log });
	onShutdown(() => sandbox.stop());
	const limit = sandbox.fake.rateLimit;
	process.stdout.write(
		[
			`Lofty sandbox at ${sandbox.baseUrl}`,
			`  API key: ${sandbox.apiKey}   (header  Authorization: token ${sandbox.apiKey})`,
			`  rate limit: ${limit.limit} requests per ${limit.windowMs / 1000} s (SANDBOX_RATE_LIMIT=off to lift it)`,
			describeSeed(sandbox.seeded),
			'  sandbox-only routes:',
			...CONTROL_ROUTES.map((line) => `    ${line}`),
			'Ctrl-C stops it.',
			'',
		].join('\n'),
	);
}
