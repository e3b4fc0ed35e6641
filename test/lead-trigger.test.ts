import { LoftyLeadTrigger } from '../nodes/LoftyLeadTrigger/LoftyLeadTrigger.node';
import { OVERLAP_MS, PAGES_PER_POLL } from '../nodes/LoftyLeadTrigger/PollFunctions';
import { toUtcMinus7 } from './fake-lofty/time';
import { useFakeLofty } from './support/env';
import { TriggerHarness } from './support/triggers';

const env = useFakeLofty();

/** Creates leads through Lofty's API as if at time `at` (the fake's clock). */
async function createLeads(at: number, count: number, tag = 'p') {
	env.fake.data.now = () => at;
	for (let i = 0; i < count; i++) {
		const response = await fetch(`${env.fake.baseUrl}/v1.0/leads`, {
			method: 'POST',
			headers: { Authorization: 'token test-api-key', 'Content-Type': 'application/json' },
			body: JSON.stringify({ firstName: `${tag}${i}`, emails: [`${tag}${i}-${at}@example.com`] }),
		});
		expect(response.status).toBe(200);
	}
}

async function updateLead(at: number, leadId: number, city: string) {
	env.fake.data.now = () => at;
	const response = await fetch(`${env.fake.baseUrl}/v1.0/leads/${leadId}`, {
		method: 'PUT',
		headers: { Authorization: 'token test-api-key', 'Content-Type': 'application/json' },
		body: JSON.stringify({ city }),
	});
	expect(response.status).toBe(200);
}

function poller(event: 'newLead' | 'updatedLead') {
	return new TriggerHarness({
		type: new LoftyLeadTrigger(),
		parameters: { event },
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
	});
}

const names = (result: Awaited<ReturnType<TriggerHarness['poll']>>) => (result?.[0] ?? []).map((item) => item.json.firstName);

describe('Lofty Lead Trigger (polling)', () => {
	// Whole seconds, as Lofty's time filter has one-second resolution.
	const t0 = Math.ceil(Date.now() / 1000) * 1000 + 5_000;

	// Each test starts from an account whose leads are all older than the trigger.
	beforeEach(async () => {
		env.fake.data.leads.clear();
		await createLeads(t0 - 60_000, 3, 'old');
	});

	it('the first poll emits nothing; later polls emit exactly the new leads, oldest first', async () => {
		const trigger = poller('newLead');
		expect(await trigger.poll()).toBeNull();
		await createLeads(t0 + 1_000, 1, 'a');
		await createLeads(t0 + 2_000, 2, 'b');
		env.fake.clearRequests();
		expect(names(await trigger.poll())).toEqual(['a0', 'b0', 'b1']);
		expect(env.apiRequests()[0].query).toMatchObject({ leadCreateTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
		expect(await trigger.poll()).toBeNull();

		// Same timestamp as the last emitted leads: only the newcomer is emitted, nothing repeats.
		await createLeads(t0 + 2_000, 1, 'tie');
		expect(names(await trigger.poll())).toEqual(['tie0']);
		expect(await trigger.poll()).toBeNull();
	});

	it('emits a lead created in the same second as the first poll (Lofty times have whole seconds)', async () => {
		const trigger = poller('newLead');
		await trigger.poll();
		await createLeads(Math.floor(Date.now() / 1000) * 1000, 1, 'same');
		expect(names(await trigger.poll())).toEqual(['same0']);
	});

	it('a poll spanning several pages emits every new lead once', async () => {
		const trigger = poller('newLead');
		await trigger.poll();
		await createLeads(t0 + 10_000, 230, 'bulk');
		env.fake.clearRequests();
		const emitted = names(await trigger.poll());
		expect(emitted).toHaveLength(230);
		expect(new Set(emitted).size).toBe(230);
		expect(env.apiRequests().length).toBe(3);
	});

	it('Updated Lead emits a lead each time it changes, once per change', async () => {
		const trigger = poller('updatedLead');
		await trigger.poll();
		const [lead] = [...env.fake.data.leads.values()].filter((l) => !l.deleted).slice(0, 1);
		await updateLead(t0 + 20_000, lead.leadId, 'Austin');
		let result = await trigger.poll();
		expect((result?.[0] ?? []).map((item) => item.json.leadId)).toEqual([lead.leadId]);
		expect(await trigger.poll()).toBeNull();
		await updateLead(t0 + 21_000, lead.leadId, 'Dallas');
		result = await trigger.poll();
		expect((result?.[0] ?? []).map((item) => [item.json.leadId, item.json.city])).toEqual([[lead.leadId, 'Dallas']]);
	});

	it('in manual test mode the first poll shows the newest lead', async () => {
		const trigger = poller('newLead');
		const result = await trigger.poll('manual');
		expect(result?.[0]).toHaveLength(1);
		expect(result?.[0][0].json.leadId).toEqual(expect.any(Number));
	});

	it('keeps its position across a restart', async () => {
		const trigger = poller('newLead');
		await trigger.poll();
		await createLeads(t0 + 30_000, 1, 'before');
		expect(names(await trigger.poll())).toEqual(['before0']);
		trigger.restart();
		await createLeads(t0 + 31_000, 1, 'after');
		expect(names(await trigger.poll())).toEqual(['after0']);
	});
});

describe('Lofty Lead Trigger: exactly once, whatever Lofty does', () => {
	const DAY = 86_400_000;
	/** Lofty's clock, as its Date header tells it; the tests move it. */
	let loftyNow = 0;

	beforeEach(() => {
		env.fake.data.leads.clear();
		loftyNow = Math.floor(Date.now() / 1000) * 1000;
		env.fake.clock = () => loftyNow;
	});
	afterEach(() => {
		env.fake.clock = undefined;
		env.fake.clearFaults();
	});

	/** Leads straight into the fake's store, created at `at` on Lofty's clock. */
	function addLeads(at: number, count: number, tag: string) {
		return Array.from({ length: count }, (_, i) =>
			env.fake.data.addLead({ firstName: `${tag}${i}`, emails: [`${tag}${i}@example.com`], createTime: at }),
		);
	}

	it('emits a lead dated a year ahead once, and it holds back no later lead', async () => {
		const trigger = poller('newLead');
		await trigger.poll();
		loftyNow += 10_000;
		addLeads(loftyNow + 365 * DAY, 1, 'future');
		expect(names(await trigger.poll())).toEqual(['future0']);
		loftyNow += 10_000;
		addLeads(loftyNow, 1, 'later');
		expect(names(await trigger.poll())).toEqual(['later0']);
		loftyNow += 10_000;
		expect(await trigger.poll()).toBeNull();
	});

	it('emits a lead that shows up in the search after a newer one (each search re-reads the last 5 minutes)', async () => {
		expect(OVERLAP_MS).toBe(5 * 60_000);
		const trigger = poller('newLead');
		await trigger.poll();
		const start = loftyNow;
		loftyNow = start + 10_000;
		addLeads(start + 10_000, 1, 'newer');
		expect(names(await trigger.poll())).toEqual(['newer0']);
		loftyNow = start + 20_000;
		// Created before "newer", visible only now (Lofty's search is eventually consistent).
		addLeads(start + 8_000, 1, 'late');
		expect(names(await trigger.poll())).toEqual(['late0']);
		loftyNow = start + 30_000;
		expect(await trigger.poll()).toBeNull();
		// 5 minutes back from the position, but never before the trigger started.
		expect(env.apiRequests().at(-1)?.query.leadCreateTime).toBe(toUtcMinus7(start));
	});

	it('goes on from a position saved by an earlier version, emitting nothing it had emitted', async () => {
		const trigger = poller('newLead');
		await trigger.poll();
		const at = loftyNow + 10_000;
		const [tie0] = addLeads(at, 2, 'tie');
		addLeads(at - 60_000, 1, 'older');
		trigger.nodeStaticData['position:newLead'] = { since: at, seenAtSince: [String(tie0.leadId)] };
		trigger.restart();
		loftyNow = at + 10_000;
		expect(names(await trigger.poll())).toEqual(['tie1']);
		expect(await trigger.poll()).toBeNull();
	});

	it('recovers from a position that an earlier version left a year ahead by a future-dated lead', async () => {
		const trigger = poller('newLead');
		await trigger.poll();
		trigger.nodeStaticData['position:newLead'] = { since: loftyNow + 365 * DAY, seenAtSince: ['1'] };
		trigger.restart();
		loftyNow += 10_000;
		expect(await trigger.poll()).toBeNull();
		loftyNow += 10_000;
		addLeads(loftyNow, 1, 'later');
		expect(names(await trigger.poll())).toEqual(['later0']);
		expect(await trigger.poll()).toBeNull();
	});

	it.each([
		['two hours behind', -2 * 3_600_000],
		['two hours ahead of', 2 * 3_600_000],
	])("starts watching at Lofty's clock (Date header) when it is %s n8n's", async (_how, skew) => {
		loftyNow = Math.floor((Date.now() + skew) / 1000) * 1000;
		addLeads(loftyNow - 60_000, 1, 'before');
		const trigger = poller('newLead');
		expect(await trigger.poll()).toBeNull();
		loftyNow += 5_000;
		addLeads(loftyNow, 1, 'after');
		expect(names(await trigger.poll())).toEqual(['after0']);
		expect(await trigger.poll()).toBeNull();
	});

	it(`reads at most ${PAGES_PER_POLL} pages a poll and goes on from there at the next poll`, async () => {
		const trigger = poller('newLead');
		await trigger.poll();
		addLeads(loftyNow + 1_000, 2_500, 'bulk');
		loftyNow += 2_000;
		const emitted: string[] = [];
		const requests: number[] = [];
		for (let poll = 0; poll < 4; poll++) {
			env.fake.clearRequests();
			emitted.push(...(names(await trigger.poll()) as string[]));
			requests.push(env.apiRequests().length);
		}
		// The fourth poll reads the first 10 pages again (they lie within the 5 minutes re-read) and emits nothing.
		expect(requests).toEqual([10, 10, 5, 10]);
		expect(emitted).toHaveLength(2_500);
		expect(new Set(emitted).size).toBe(2_500);
	});

	it('goes on from the same offset when Lofty has let the last poll\'s scroll expire', async () => {
		const trigger = poller('newLead');
		await trigger.poll();
		addLeads(loftyNow + 1_000, 1_500, 'bulk');
		loftyNow += 2_000;
		const first = names(await trigger.poll()) as string[];
		env.fake.data.scrolls.clear();
		env.fake.clearRequests();
		const second = names(await trigger.poll()) as string[];
		expect(env.apiRequests().map((r) => r.status)).toEqual([400, 200, 200, 200, 200, 200]);
		expect(env.apiRequests()[1].query.offset).toBe('1000');
		expect(first).toHaveLength(1_000);
		expect(new Set([...first, ...second]).size).toBe(1_500);
		expect(first.length + second.length).toBe(1_500);
	});

	it('a search that repeats the same page forever ends each poll after 2 requests, emitting no lead twice', async () => {
		const trigger = poller('newLead');
		await trigger.poll();
		loftyNow += 5_000;
		const leads = Array.from({ length: 100 }, (_, i) => ({ leadId: 1 + i, firstName: `loop${i}`, createTime: new Date(loftyNow).toISOString() }));
		env.fake.injectFault({ path: '/v1.0/leads/createTime', status: 200, body: { _metadata: { scrollId: 'same', total: 1_000_000 }, leads }, times: 1_000 });
		env.fake.clearRequests();
		expect(names(await trigger.poll())).toHaveLength(100);
		expect(env.apiRequests()).toHaveLength(2);
		env.fake.clearRequests();
		await expect(trigger.poll()).rejects.toThrow(
			"Lofty's lead search at GET /v1.0/leads/createTime repeated itself: page 2 (scrollId \"same\") brought only records already received",
		);
		expect(env.apiRequests()).toHaveLength(2);
	});
});

