/**
 * Fault injection, table-driven: each scenario states what must happen, runs real nodes through
 * n8n-core's engine against the fake Lofty, and reports what did happen. A scenario that does not
 * pass fails the suite. `npm run reliability:report` also writes the table to test/reliability.md
 * (a plain test run leaves it alone); observations hold no wall-clock times, so the file changes
 * only when behaviour does.
 */
import type { INodeParameters, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import type { FakeLoftyOptions } from './fake-lofty';
import { FakeLofty } from './fake-lofty';
import type { RunInput, RunResult } from './harness';
import { runWorkflow } from './harness';
import { PagingProbe } from './support/PagingProbe';
import { alwaysRateLimited, hostileDeliveryId, hostileEmail, hostileSearchId, negativeRemaining, slashFilledCallback, tooDeepAnswer } from './support/hostile';
import type { Scaling } from './support/linear';
import { describeScaling, MAX_STEP_RATIO } from './support/linear';
import { skippingWaits } from './support/skip-clock';
import { allNodeTypes } from './support/nodes';
import { ROOT, fs, net, path, process } from './support/node';

const { writeFileSync } = fs;
const { createServer } = net;
const { join } = path;

interface Outcome {
	observed: string;
	pass: boolean;
}

interface Scenario {
	group: string;
	name: string;
	expected: string;
	run: () => Promise<Outcome>;
	timeoutMs?: number;
}

const results: Array<{ scenario: Scenario; outcome: Outcome }> = [];

/** A fake server of its own per scenario, so every scenario starts with a fresh rate budget. */
async function withFake<T>(options: FakeLoftyOptions, body: (fake: FakeLofty) => Promise<T>): Promise<T> {
	const fake = new FakeLofty(options);
	await fake.start();
	try {
		fake.seedLeads(5);
		fake.clearRequests();
		return await body(fake);
	} finally {
		await fake.stop();
	}
}

function run(fake: FakeLofty, type: INodeType, parameters: INodeParameters, extra: Partial<RunInput> = {}): Promise<RunResult> {
	return runWorkflow({
		nodes: { type, parameters },
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: fake.baseUrl } },
		...extra,
	});
}

const apiCalls = (fake: FakeLofty) => fake.requests.filter((r) => r.path.startsWith('/v1.0'));
const statuses = (fake: FakeLofty) => apiCalls(fake).map((r) => r.status).join(', ');

const getLead = { resource: 'lead', operation: 'get', leadId: '1000001', simplify: false };
const updateLead = { resource: 'lead', operation: 'update', leadId: '1000001', updateFields: { city: 'Austin' } };
const deleteLead = { resource: 'lead', operation: 'delete', leadId: '1000002', reason: 'duplicate' };
const createLead = { resource: 'lead', operation: 'create', firstName: 'Robin', emails: 'robin@example.com' };

const scenarios: Scenario[] = [];

// ---------------------------------------------------------------- rate limits
for (const [form, reset] of [
	['milliseconds remaining', () => '400'],
	['epoch seconds', () => String(Math.ceil((Date.now() + 400) / 1000))],
	['epoch milliseconds', () => String(Date.now() + 400)],
] as const) {
	scenarios.push({
		group: 'Rate limits',
		name: `A burst of three 429s, Reset in ${form}`,
		expected: 'waits for the reset each time, then succeeds; no error reaches the user',
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({
					method: 'GET',
					status: 429,
					times: 3,
					body: { message: 'Too Many Requests' },
					headers: { 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset() },
				});
				const result = await run(fake, new LoftyLead(), getLead);
				return {
					observed: `${result.status}; answers ${statuses(fake)}`,
					pass: result.status === 'success' && statuses(fake) === '429, 429, 429, 200',
				};
			}),
	});
}
scenarios.push({
	group: 'Rate limits',
	name: 'A 429 with no rate-limit headers at all',
	expected: 'waits one minute, then succeeds',
	run: () =>
		withFake({}, async (fake) => {
			fake.injectFault({ method: 'GET', status: 429, body: { message: 'Too Many Requests' } });
			// The minute passes on a test clock: the retry must still come only after it.
			const { result, skippedMs } = await skippingWaits({ fromMs: 30_000, toMs: 120_000 }, async () => {
				const answered: number[] = [];
				fake.onRequest = () => answered.push(Date.now());
				const outcome = await run(fake, new LoftyLead(), getLead);
				return { outcome, gap: answered.length === 2 ? answered[1] - answered[0] : NaN };
			});
			const waited = skippedMs.reduce((sum, ms) => sum + ms, 0);
			return {
				observed: `${result.outcome.status}; answers ${statuses(fake)}; waited ${Math.round(waited / 1000)} s (test clock) before the retry`,
				pass: result.outcome.status === 'success' && statuses(fake) === '429, 200' && waited >= 60_000 && waited < 70_000 && result.gap >= 60_000,
			};
		}),
});

// ---------------------------------------------------------------- server errors
for (const status of [500, 502, 503, 504]) {
	for (const [method, parameters] of [
		['GET', getLead],
		['PUT', updateLead],
		['DELETE', deleteLead],
	] as const) {
		scenarios.push({
			group: 'Server errors',
			name: `${status} on ${method}`,
			expected: 'retried after a back-off, then succeeds',
			run: () =>
				withFake({}, async (fake) => {
					fake.injectFault({ method, status, body: { message: `HTTP ${status}` } });
					const result = await run(fake, new LoftyLead(), parameters);
					return {
						observed: `${result.status}; answers ${statuses(fake)}`,
						pass: result.status === 'success' && statuses(fake) === `${status}, 200`,
					};
				}),
		});
	}
	scenarios.push({
		group: 'Server errors',
		name: `${status} on POST`,
		expected: 'surfaced as an error with the status; the POST is sent exactly once',
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({ method: 'POST', status, body: { message: `HTTP ${status}` } });
				const result = await run(fake, new LoftyLead(), createLead);
				const posts = apiCalls(fake).filter((r) => r.method === 'POST').length;
				return {
					observed: `${result.status} "${result.error?.message}" (HTTP ${result.error?.httpCode}); ${posts} POST sent`,
					pass: result.status === 'error' && result.error?.httpCode === String(status) && posts === 1,
				};
			}),
	});
}

// ---------------------------------------------------------------- connections
scenarios.push(
	{
		group: 'Connections',
		name: 'Connection reset mid-response on GET',
		expected: 'retried, then succeeds',
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({ method: 'GET', kind: 'reset' });
				const result = await run(fake, new LoftyLead(), getLead);
				return { observed: `${result.status}; ${apiCalls(fake).length} requests`, pass: result.status === 'success' && apiCalls(fake).length === 2 };
			}),
	},
	{
		group: 'Connections',
		name: 'Connection reset mid-response on POST',
		expected: 'an error; the POST is not sent again (it may have reached Lofty)',
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({ method: 'POST', kind: 'reset' });
				const result = await run(fake, new LoftyLead(), createLead);
				const posts = apiCalls(fake).length;
				return { observed: `${result.status} "${result.error?.message}"; ${posts} POST sent`, pass: result.status === 'error' && posts === 1 };
			}),
	},
	{
		group: 'Connections',
		name: 'A GET answered slower than the timeout (1 s)',
		expected: 'times out, is retried, then succeeds',
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({ method: 'GET', kind: 'hang' });
				const result = await run(fake, new LoftyLead(), { ...getLead, requestOptions: { timeout: 1000 } });
				return { observed: `${result.status}; ${apiCalls(fake).length} requests`, pass: result.status === 'success' && apiCalls(fake).length === 2 };
			}),
	},
	{
		group: 'Connections',
		name: 'A POST answered slower than the timeout (1 s)',
		expected: 'an error; the POST is not sent again',
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({ method: 'POST', kind: 'hang' });
				const result = await run(fake, new LoftyLead(), { ...createLead, requestOptions: { timeout: 1000 } });
				return {
					observed: `${result.status} "${result.error?.message}"; ${apiCalls(fake).length} POST sent`,
					pass: result.status === 'error' && apiCalls(fake).length === 1,
				};
			}),
	},
	{
		group: 'Connections',
		name: 'A refused connection (nothing listening) on POST',
		expected: 'retried with back-off (it never reached Lofty), then a clear error',
		run: async () => {
			const port = await freePort();
			const started = Date.now();
			const result = await runWorkflow({
				nodes: { type: new LoftyLead(), parameters: createLead },
				credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: `http://127.0.0.1:${port}` } },
			});
			const took = Date.now() - started;
			return {
				observed: `${result.status} "${result.error?.message}" after ${took >= 4_000 ? 'at least 4 s' : 'less than 4 s'} of retries`,
				pass: result.status === 'error' && took >= 4_000 && /ECONNREFUSED|connect/i.test(`${result.error?.message} ${result.error?.description}`),
			};
		},
	},
);

// ---------------------------------------------------------------- bodies
scenarios.push(
	{
		group: 'Bodies',
		name: 'Malformed JSON in a 200',
		expected: 'a clear "malformed JSON" error, not a broken item',
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({ method: 'GET', status: 200, rawBody: '{"leadId": 1000001, "firstName": "Ann"' });
				const result = await run(fake, new LoftyLead(), getLead);
				return { observed: `${result.status} "${result.error?.message}"`, pass: result.error?.message === 'Lofty answered with malformed JSON' };
			}),
	},
	{
		group: 'Bodies',
		name: 'An HTML error page (500 on POST)',
		expected: 'an error saying Lofty answered with HTML, with the status',
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({ method: 'POST', status: 500, rawBody: '<!DOCTYPE html><html><body>Internal error</body></html>', contentType: 'text/html' });
				const result = await run(fake, new LoftyLead(), createLead);
				return {
					observed: `${result.status} "${result.error?.message}" (HTTP ${result.error?.httpCode})`,
					pass: result.error?.message === 'Lofty answered with an HTML page instead of JSON' && result.error?.httpCode === '500',
				};
			}),
	},
	{
		group: 'Bodies',
		name: 'An empty 200',
		expected: 'one item saying the lead was deleted',
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({ method: 'DELETE', status: 200, rawBody: '' });
				const result = await run(fake, new LoftyLead(), deleteLead);
				return { observed: `${result.status}; items ${JSON.stringify(result.items)}`, pass: result.status === 'success' && result.items.length === 1 && result.items[0].deleted === true };
			}),
	},
	{
		group: 'Bodies',
		name: 'An error body that is a bare string',
		expected: "Lofty's words as the message, with the status",
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({ method: 'GET', status: 400, body: 'leadId is not valid' });
				const result = await run(fake, new LoftyLead(), getLead);
				return {
					observed: `"${result.error?.message}" (HTTP ${result.error?.httpCode})`,
					pass: result.error?.message === 'leadId is not valid' && result.error?.httpCode === '400',
				};
			}),
	},
	{
		group: 'Bodies',
		name: 'IDs above 2^53 in a response',
		expected: 'every digit survives (ids come out as exact strings)',
		run: () =>
			withFake({}, async (fake) => {
				fake.injectFault({
					method: 'GET',
					status: 200,
					rawBody: '{"leadId": 9007199254740993, "assignedUserId": 12345678901234567891, "score": 12, "firstName": "Big"}',
				});
				const result = await run(fake, new LoftyLead(), getLead);
				const lead = result.items[0] ?? {};
				return {
					observed: `leadId ${JSON.stringify(lead.leadId)}, assignedUserId ${JSON.stringify(lead.assignedUserId)}, score ${JSON.stringify(lead.score)}`,
					pass: lead.leadId === '9007199254740993' && lead.assignedUserId === '12345678901234567891' && lead.score === 12,
				};
			}),
	},
);

// ---------------------------------------------------------------- authentication
scenarios.push(
	{
		group: 'Authentication',
		name: '401 with OAuth2 (expired token)',
		expected: 'the token is refreshed once and the call succeeds',
		run: () =>
			withFake({}, async (fake) => {
				const result = await runWorkflow({
					nodes: { type: new LoftyLead(), parameters: { ...getLead, authentication: 'oAuth2' } },
					credentials: {
						type: 'loftyOAuth2Api',
						data: {
							clientId: 'test-client-id',
							clientSecret: 'test-client-secret',
							accessTokenUrl: `${fake.baseUrl}/api/user-web/oauth/token`,
							authUrl: `${fake.baseUrl}/page/vendor-auth.html`,
							baseUrl: fake.baseUrl,
							oauthTokenData: { access_token: 'expired', refresh_token: 'test-refresh-token', token_type: 'bearer' },
						},
					},
				});
				const refreshes = fake.requests.filter((r) => r.path === '/api/user-web/oauth/token').length;
				return { observed: `${result.status}; ${refreshes} token refresh; answers ${statuses(fake)}`, pass: result.status === 'success' && refreshes === 1 };
			}),
	},
	{
		group: 'Authentication',
		name: '401 with an API key',
		expected: 'a clear "check your API key" error; the key is not shown',
		run: () =>
			withFake({}, async (fake) => {
				const result = await runWorkflow({
					nodes: { type: new LoftyLead(), parameters: getLead },
					credentials: { type: 'loftyApi', data: { apiKey: 'a-revoked-key', baseUrl: fake.baseUrl } },
				});
				const text = JSON.stringify(result.run);
				return {
					observed: `"${result.error?.message}": ${result.error?.description}`,
					pass: result.error?.httpCode === '401' && /Check your API key/.test(String(result.error?.description)) && !text.includes('a-revoked-key'),
				};
			}),
	},
);

// ---------------------------------------------------------------- paging under change
for (const [style, type, parameters] of [
	['offset paging', new PagingProbe(), { resource: 'probe', operation: 'leadsByOffset', returnAll: true }],
	['scrollId paging (Lead: Get Many)', new LoftyLead(), { resource: 'lead', operation: 'getAll', returnAll: true }],
] as const) {
	scenarios.push({
		group: 'Paging under change',
		name: `Return All of 300 leads with 7 leads added after the first page, ${style}`,
		expected: style.startsWith('offset') ? 'reported: offsets shift, so records repeat' : 'no record lost or repeated',
		run: () =>
			withFake({}, async (fake) => {
				fake.seedLeads(295);
				const before = new Set([...fake.data.leads.values()].filter((l) => !l.deleted).map((l) => String(l.leadId)));
				let inserted = false;
				fake.onRequest = (request) => {
					if (!inserted && request.path === '/v1.0/leads' && fake.requests.filter((r) => r.path === '/v1.0/leads').length === 2) {
						inserted = true;
						// Newest first: the new leads push every older one further down the list.
						for (let i = 0; i < 7; i++) {
							fake.data.addLead({ firstName: `Late${i}`, emails: [`late${i}@example.com`], createTime: Date.now() + 86_400_000 + i });
						}
					}
				};
				const result = await run(fake, type, parameters);
				const ids = result.items.map((lead) => String(lead.leadId));
				const duplicated = ids.length - new Set(ids).size;
				const lost = [...before].filter((id) => !ids.includes(id)).length;
				return {
					observed: `${ids.length} items for ${before.size} leads: ${lost} lost, ${duplicated} duplicated`,
					pass: style.startsWith('offset') ? result.status === 'success' : lost === 0 && duplicated === 0,
				};
			}),
	});
}

// ---------------------------------------------------------------- cancellation
scenarios.push({
	group: 'Cancellation',
	name: 'Workflow cancelled during a long throttle wait (Reset 50 s)',
	expected: 'stops within a second',
	run: () =>
		withFake({}, async (fake) => {
			fake.injectFault({ status: 429, times: 5, body: { message: 'Too Many Requests' }, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '50000' } });
			const started = Date.now();
			const result = await run(fake, new LoftyLead(), getLead, { cancelAfterMs: 300 });
			const took = Date.now() - started;
			return { observed: `${result.status} ${took < 1_300 ? 'within' : 'later than'} a second of the cancel`, pass: result.status === 'canceled' && took < 1_300 };
		}),
});

// ---------------------------------------------------------------- hostile input (issue 15)
const isLinear = (scaling: Scaling) => scaling.ratios.length === 2 && scaling.ratios.every((ratio) => ratio < MAX_STEP_RATIO);
const linearity = (scaling: Scaling) => (isLinear(scaling) ? 'linear' : `not linear: ${describeScaling(scaling)}`);
const LINEAR = `each tenfold step (10 KB, 100 KB, 1 MB) costs under ${MAX_STEP_RATIO}× the step before`;
const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
const hostile = (name: string, expected: string, body: (fake: FakeLofty) => Promise<Outcome>): Scenario => ({
	group: 'Hostile input',
	name,
	expected,
	run: () => withFake({}, body),
});

scenarios.push(
	hostile('An upstream email "a@" + dots + "@" of 10 KB, 100 KB and 1 MB (Lofty Member › Get by Account)', `refused naming the field, the value cut to 80 characters; ${LINEAR}; nothing sent`, async (fake) => {
		const { scaling, last } = await hostileEmail(fake);
		return {
			observed: `"${last?.error?.message}"; ${linearity(scaling)}; ${apiCalls(fake).length} request(s)`,
			pass: isLinear(scaling) && String(last?.error?.message).length < 200 && apiCalls(fake).length === 0,
		};
	}),
	hostile('Every request answered 429 with a reset an hour ahead', 'each wait clamped to 65 s; the GET fails within the 10-minute default of Max Rate Limit Wait (test clock)', async (fake) => {
		const { result, waitedMs, longestWaitMs } = await alwaysRateLimited(fake);
		return {
			observed: `${result.status} "${result.error?.message}" after ${minutes(waitedMs)}; ${apiCalls(fake).length} requests; longest wait ${Math.round(longestWaitMs / 1000)} s`,
			pass: result.status === 'error' && waitedMs <= 10 * 60_000 && longestWaitMs <= 65_100,
		};
	}),
	hostile('Every request answered 429 with a reset an hour ahead, Max Rate Limit Wait 2 min', 'fails within 2 minutes with a message naming the rate limit and the wait (test clock)', async (fake) => {
		const { result, waitedMs } = await alwaysRateLimited(fake, { maxRateLimitWait: 2 });
		return {
			observed: `${result.status} "${result.error?.message}" after ${minutes(waitedMs)}; ${apiCalls(fake).length} requests`,
			pass: result.error?.message === "Lofty's rate limit would hold this request longer than 2 min" && waitedMs <= 2 * 60_000,
		};
	}),
	hostile('A 200 with X-RateLimit-Remaining -5 and a reset an hour ahead', 'the next request on the credential waits one window (65 s at most), not an hour (test clock)', async (fake) => {
		const { result, waitedMs } = await negativeRemaining(fake);
		return {
			observed: `${result.status}; both leads read; the second request waited ${Math.round(waitedMs / 1000)} s`,
			pass: result.status === 'success' && result.items.length === 2 && waitedMs <= 66_000,
		};
	}),
	hostile("A callback URL of 10 KB, 100 KB and 1 MB of slashes in Lofty's webhook list (Lofty Trigger activation check)", `the trigger still finds its own subscriptions; ${LINEAR}`, async (fake) => {
		const { scaling, exists } = await slashFilledCallback(fake);
		return { observed: `found: ${exists.every(Boolean) ? 'yes' : 'no'}; ${linearity(scaling)}`, pass: isLinear(scaling) && exists.every(Boolean) };
	}),
	hostile('A webhook delivery naming lead "1/../../users/700001" beside lead 1000001 (Fetch Full Record)', 'an error for that event alone; nothing is sent for it; the other lead is fetched', async (fake) => {
		const { items, requests } = await hostileDeliveryId(fake);
		return {
			observed: `recordError "${items[0]?.recordError}"; requests: ${requests.join(', ')}`,
			pass: typeof items[0]?.recordError === 'string' && items[0]?.record === undefined && items[1]?.record !== undefined && requests.join() === 'GET /v1.0/leads/1000001',
		};
	}),
	hostile('Create or Update while the lead search answers with lead id "1/../../users/700001"', 'an error naming the id; the update is not sent', async (fake) => {
		const { result, methods } = await hostileSearchId(fake);
		return { observed: `${result.status} "${result.error?.message}"; sent: ${methods.join(', ')}`, pass: result.status === 'error' && methods.join() === 'GET' };
	}),
	hostile('A 200 whose JSON is an array nested a million deep', 'a clear error naming the depth limit; n8n can still store the execution', async (fake) => {
		const { result, savesAsJson } = await tooDeepAnswer(fake);
		return {
			observed: `${result.status} "${result.error?.message}"; execution stored as JSON: ${savesAsJson ? 'yes' : 'no'}`,
			pass: result.status === 'error' && /nested deeper than 512 levels/.test(String(result.error?.message)) && savesAsJson,
		};
	}),
);

// ---------------------------------------------------------------- bad input, for every node
interface OperationRef {
	node: INodeType;
	resource: string;
	operation: string;
	operationName: string;
}

function operationsOf(node: INodeType): OperationRef[] {
	return node.description.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) =>
			((p.options ?? []) as INodePropertyOptions[]).map((option) => ({
				node,
				resource: String(p.displayOptions?.show?.resource?.[0]),
				operation: String(option.value),
				operationName: option.name,
			})),
		);
}

function shownFor(property: INodeProperties, ref: OperationRef, values: INodeParameters): boolean {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show).every(([key, allowed]) => {
		const value = key === 'resource' ? ref.resource : key === 'operation' ? ref.operation : values[key];
		return (allowed as unknown[]).some((entry) => entry === value || (entry === true && value === true) || (entry === false && value === false));
	});
}

// A record picker, or a plain id field (placeholder 1234567): filled with an id, refused without one.
const isIdField = (p: INodeProperties) => p.required === true && (p.type === 'resourceLocator' || (p.type === 'string' && p.placeholder === '1234567'));

/** Values that fill every required top-level field of an operation validly. */
function validRequired(ref: OperationRef): INodeParameters {
	const values: INodeParameters = { resource: ref.resource, operation: ref.operation };
	let hour = 0;
	for (const property of ref.node.description.properties) {
		if (!property.required || property.name in values || !shownFor(property, ref, values)) continue;
		const name = property.name.toLowerCase();
		if (isIdField(property) || property.typeOptions?.loadOptionsMethod) values[property.name] = '1000001';
		else if (property.type === 'options') values[property.name] = ((property.options ?? [])[0] as INodePropertyOptions)?.value ?? '';
		// Later date fields get later times, so a start always comes before an end.
		else if (property.type === 'dateTime') values[property.name] = `2026-01-05T${String(10 + hour++).padStart(2, '0')}:00:00Z`;
		else if (property.type === 'number') values[property.name] = 1;
		else if (property.type === 'string') {
			values[property.name] = name.includes('email') ? 'a@example.com' : name.includes('url') ? 'https://example.com/x' : /(type|code)$/.test(name) ? '1' : 'x';
		}
	}
	return values;
}

function badInputScenario(ref: OperationRef, label: string, values: INodeParameters, field: string): Scenario {
	const nodeName = ref.node.description.displayName;
	return {
		group: 'Bad input (no request may be sent)',
		name: `${nodeName} › ${ref.operationName}: ${label}`,
		expected: `an error naming "${field}"; nothing sent`,
		run: () =>
			withFake({}, async (fake) => {
				const result = await run(fake, ref.node, values);
				const sent = apiCalls(fake).length;
				return {
					observed: `"${result.error?.message ?? result.status}"; ${sent} request(s)`,
					pass: result.status === 'error' && String(result.error?.message).includes(`"${field}"`) && sent === 0,
				};
			}),
	};
}

for (const node of allNodeTypes()) {
	for (const ref of operationsOf(node)) {
		const valid = validRequired(ref);
		for (const property of node.description.properties.filter((p) => isIdField(p) && shownFor(p, ref, valid))) {
			scenarios.push(badInputScenario(ref, `non-numeric ${property.displayName}`, { ...valid, [property.name]: '={{ "12ab" }}' }, property.displayName));
			scenarios.push(badInputScenario(ref, `empty ${property.displayName}`, { ...valid, [property.name]: '={{ "" }}' }, property.displayName));
		}
		if (node.description.properties.some((p) => p.name === 'returnAll' && shownFor(p, ref, valid))) {
			for (const limit of [0, -5]) {
				scenarios.push(badInputScenario(ref, `Limit ${limit}`, { ...valid, returnAll: false, limit }, 'Limit'));
			}
		}
		const json = node.description.properties.find((p) => p.type === 'json' && shownFor(p, ref, valid));
		if (json) scenarios.push(badInputScenario(ref, 'invalid JSON', { ...valid, [json.name]: '{"city": ' }, json.displayName));
	}
}

const lead = new LoftyLead();
const leadOp = (operation: string) => operationsOf(lead).find((ref) => ref.resource === 'lead' && ref.operation === operation)!;
scenarios.push(
	badInputScenario(leadOp('create'), 'a birthday that cannot be parsed', { ...validRequired(leadOp('create')), additionalFields: { birthday: 'the 4th of May' } }, 'Birthday'),
	badInputScenario(leadOp('getAllByCreateTime'), 'a time that cannot be parsed', { ...validRequired(leadOp('getAllByCreateTime')), leadCreateTime: 'last tuesday' }, 'Created Since'),
	badInputScenario(leadOp('create'), 'an unknown Lead Type', { ...validRequired(leadOp('create')), additionalFields: { leadType: '={{ 42 }}' } }, 'Lead Type'),
	badInputScenario(leadOp('getAll'), 'an unknown Sort By', { ...validRequired(leadOp('getAll')), filters: { sort: '={{ "Newest" }}' } }, 'Sort By'),
);

async function freePort(): Promise<number> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

describe('reliability under faults', () => {
	it.each(scenarios.map((scenario) => [`${scenario.group}: ${scenario.name}`, scenario] as const))(
		'%s',
		async (_title, scenario) => {
			const outcome = await scenario.run();
			results.push({ scenario, outcome });
			expect({ scenario: scenario.name, observed: outcome.observed, pass: outcome.pass }).toEqual({
				scenario: scenario.name,
				observed: outcome.observed,
				pass: true,
			});
		},
		120_000,
	);

	afterAll(() => {
		if (process.env.LOFTY_RELIABILITY_REPORT !== '1') return;
		const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
		const lines = [
			'# Reliability under faults',
			'',
			'Written by `npm run reliability:report` (`test/reliability.test.ts`): every scenario runs real nodes through n8n-core\'s engine against the fake Lofty server with the fault injected.',
			'',
			`${results.filter((r) => r.outcome.pass).length} of ${results.length} scenarios pass.`,
			'',
			'| Group | Scenario | Expected | Observed | Pass |',
			'| --- | --- | --- | --- | --- |',
			...results.map(
				({ scenario, outcome }) =>
					`| ${escape(scenario.group)} | ${escape(scenario.name)} | ${escape(scenario.expected)} | ${escape(outcome.observed)} | ${outcome.pass ? 'yes' : '**no**'} |`,
			),
			'',
		];
		writeFileSync(join(ROOT, 'test', 'reliability.md'), lines.join('\n'));
	});
});
