/**
 * Hostile input (issue 15), one runner per case: what a hostile upstream item, webhook delivery
 * or server sends, run through real nodes against a fake Lofty. test/hostile-input.test.ts asserts
 * on what each gives back; test/reliability.test.ts reports it as rows of test/reliability.md.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LoftyLead } from '../../nodes/LoftyLead/LoftyLead.node';
import { LoftyMember } from '../../nodes/LoftyMember/LoftyMember.node';
import { LoftyTrigger } from '../../nodes/LoftyTrigger/LoftyTrigger.node';
import type { FakeLofty } from '../fake-lofty';
import { deliverWebhookEvent, webhooksOf } from '../fake-lofty/routes-webhooks';
import type { RunResult } from '../harness';
import { runWorkflow } from '../harness';
import type { Scaling } from './linear';
import { measureScaling } from './linear';
import { skippingWaits } from './skip-clock';
import { TriggerHarness } from './triggers';

const credentialsOf = (fake: FakeLofty, id?: string) => ({
	type: 'loftyApi' as const,
	id,
	data: { apiKey: 'test-api-key', baseUrl: fake.baseUrl },
});

export const apiRequestsOf = (fake: FakeLofty) => fake.requests.filter((request) => request.path.startsWith('/v1.0'));

/** The adversarial email: "a@", dots, "@". */
export const dotsEmail = (size: number) => `a@${'.'.repeat(size - 3)}@`;

/** Slashes then "x": what made /\/+$/ quadratic. */
export const slashes = (size: number) => `${'/'.repeat(size - 1)}x`;

/** Lofty Member › Get by Account with the email from an upstream item, at each size. */
export async function hostileEmail(fake: FakeLofty): Promise<{ scaling: Scaling; last?: RunResult }> {
	let last: RunResult | undefined;
	const scaling = await measureScaling(async (account) => {
		last = await runWorkflow({
			nodes: { type: new LoftyMember(), parameters: { resource: 'member', operation: 'getByAccount', account: '={{ $json.account }}' } },
			items: [{ account }],
			credentials: credentialsOf(fake),
		});
	}, dotsEmail);
	return { scaling, last };
}

/**
 * Waits from 2 s to an hour pass on a test clock: the throttle's. Requests time out after two
 * hours here, so the HTTP client's timers keep real time.
 */
const LONG_WAITS = { fromMs: 2_000, toMs: 60 * 60_000 };
const REQUEST_TIMEOUT_MS = 2 * 60 * 60_000;

/** Rate-limit headers that put the reset an hour ahead. */
export const RESET_AN_HOUR_AHEAD = { 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '3600000' };

export interface Waited {
	result: RunResult;
	/** Test-clock time the run took. */
	waitedMs: number;
	longestWaitMs: number;
}

/** Lofty Lead › Get on a credential of its own (the budget is per credential), on the test clock. */
export async function getLeadsWaiting(fake: FakeLofty, requestOptions: INodeParameters = {}, leadIds = ['1000001']): Promise<Waited> {
	const { result, skippedMs } = await skippingWaits(LONG_WAITS, async () => {
		const started = Date.now();
		const run = await runWorkflow({
			nodes: {
				type: new LoftyLead(),
				parameters: { resource: 'lead', operation: 'get', leadId: '={{ $json.id }}', requestOptions: { timeout: REQUEST_TIMEOUT_MS, ...requestOptions } },
			},
			items: leadIds.map((id) => ({ id })),
			credentials: credentialsOf(fake, `wait-${Math.random()}`),
		});
		return { run, waitedMs: Date.now() - started };
	});
	return { result: result.run, waitedMs: result.waitedMs, longestWaitMs: Math.max(0, ...skippedMs) };
}

/** A server that answers every request 429 with a reset an hour ahead. */
export async function alwaysRateLimited(fake: FakeLofty, requestOptions: INodeParameters = {}): Promise<Waited> {
	fake.injectFault({ status: 429, times: 1_000, body: { message: 'Too Many Requests' }, headers: RESET_AN_HOUR_AHEAD });
	return await getLeadsWaiting(fake, requestOptions);
}

/** A 200 that says Remaining -5 with a reset an hour ahead, then a second request on the credential. */
export async function negativeRemaining(fake: FakeLofty): Promise<Waited> {
	fake.injectFault({
		status: 200,
		body: { leadId: 1000001 },
		headers: { ...RESET_AN_HOUR_AHEAD, 'X-RateLimit-Remaining': '-5' },
	});
	return await getLeadsWaiting(fake, {}, ['1000001', '1000002']);
}

/** Runs `body` with an activated Lofty Trigger, then deactivates and stops it. */
export async function withTrigger<T>(fake: FakeLofty, options: INodeParameters, body: (trigger: TriggerHarness) => Promise<T>): Promise<T> {
	webhooksOf(fake.data).clear();
	const trigger = new TriggerHarness({ type: new LoftyTrigger(), parameters: { events: [2], options }, credentials: credentialsOf(fake) });
	await trigger.start();
	try {
		await trigger.activate();
		return await body(trigger);
	} finally {
		await trigger.deactivate();
		await trigger.stop();
	}
}

/** The trigger's checkExists while Lofty lists a subscription whose callback URL is slashes, at each size. */
export async function slashFilledCallback(fake: FakeLofty): Promise<{ scaling: Scaling; exists: boolean[] }> {
	return await withTrigger(fake, {}, async (trigger) => {
		const hooks = webhooksOf(fake.data);
		const exists: boolean[] = [];
		const scaling = await measureScaling(async (hostile) => {
			const added = hooks.add({ listId: 3, callbackUrl: `https://lofty.example.com${hostile}` });
			exists.push(await trigger.hook('checkExists'));
			hooks.remove(added.subscribeId);
		}, slashes);
		return { scaling, exists };
	});
}

/** A delivery naming lead "1/../../users/700001" beside lead 1000001, with Fetch Full Record on. */
export async function hostileDeliveryId(fake: FakeLofty): Promise<{ items: IDataObject[]; requests: string[] }> {
	return await withTrigger(fake, { fetchFullRecord: true }, async (trigger) => {
		fake.clearRequests();
		await deliverWebhookEvent(fake.data, 2, { updatedLead: [{ leadId: '1/../../users/700001' }, { leadId: 1000001 }] });
		// Lofty is answered before the records are fetched.
		await trigger.settled();
		return { items: trigger.executions[0] ?? [], requests: apiRequestsOf(fake).map((r) => `${r.method} ${r.path}`) };
	});
}

/** Create or Update while Lofty's search answers with the lead id "1/../../users/700001". */
export async function hostileSearchId(fake: FakeLofty): Promise<{ result: RunResult; methods: string[] }> {
	fake.injectFault({
		method: 'GET',
		path: '/v1.0/leads',
		status: 200,
		body: { _metadata: { collection: 'leads', limit: 1, offset: 0, total: 1 }, leads: [{ leadId: '1/../../users/700001', emails: ['ann@example.com'] }] },
	});
	const result = await runWorkflow({
		nodes: { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'createOrUpdate', firstName: 'Ann', emails: 'ann@example.com' } },
		credentials: credentialsOf(fake),
	});
	return { result, methods: apiRequestsOf(fake).map((r) => r.method) };
}

/** "[[[…]]]" nested `depth` levels. */
export const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Lofty Lead › Get answered with a 1-million-deep array; whether n8n can still store the execution. */
export async function tooDeepAnswer(fake: FakeLofty): Promise<{ result: RunResult; savesAsJson: boolean }> {
	fake.injectFault({ method: 'GET', status: 200, rawBody: nested(1_000_000) });
	const result = await runWorkflow({
		nodes: { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'get', leadId: '1000001' } },
		credentials: credentialsOf(fake),
	});
	let savesAsJson = true;
	try {
		// n8n stores the execution as JSON: this is what overflowed the stack.
		JSON.stringify(result.run);
	} catch {
		savesAsJson = false;
	}
	return { result, savesAsJson };
}
