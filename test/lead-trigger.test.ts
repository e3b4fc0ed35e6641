import { LoftyLeadTrigger } from '../nodes/LoftyLeadTrigger/LoftyLeadTrigger.node';
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
