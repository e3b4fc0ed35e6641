import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { loadOptions } from './harness';
import { useFakeLofty } from './support/env';

const env = useFakeLofty();
beforeAll(() => env.fake.seedLeads(30));

function options(method: string) {
	return loadOptions({
		method,
		nodes: { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'create' } },
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } },
	});
}

describe('dropdowns loaded from the Lofty account', () => {
	it('members, by user id (memberUserId)', async () => {
		expect(await options('getMemberUsers')).toEqual([
			{ name: 'Alex Morgan (alex.morgan@example.com)', value: '700001' },
			{ name: expect.stringMatching(/^Blake Rivera/), value: '700002' },
			{ name: expect.stringMatching(/^Casey Lee/), value: '700003' },
		]);
		expect(env.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1.0/members']);
	});

	it('tags', async () => {
		expect((await options('getTags')).map((o) => o.value)).toEqual(['Buyer', 'Follow Up', 'Hot Lead', 'Investor', 'Seller']);
	});

	it('lead custom fields, by name', async () => {
		const fields = await options('getCustomFields');
		expect(fields.map((o) => o.name)).toEqual(['Amenities', 'Budget', 'Home Style', 'Move Date', 'Preferred Contact Time']);
		expect(fields.every((o) => o.value === o.name)).toBe(true);
	});

	it('transaction custom fields, by id', async () => {
		const fields = await options('getTransactionCustomFields');
		expect(fields).toContainEqual(expect.objectContaining({ name: 'Escrow Company', value: '600001' }));
	});

	it('stages and segments, from the leads in the account', async () => {
		const stages = await options('getStages');
		expect(stages.map((o) => o.value)).toEqual(['Appointment Set', 'Closed', 'Contacted', 'New Lead', 'Qualified', 'Under Contract']);
		// Put two recent leads in segments the seed may not use.
		const lead = new LoftyLead();
		for (const [leadId, segment] of [
			['1000001', 'Luxury'],
			['1000002', 'Relocation'],
		]) {
			const result = await env.run(lead, { resource: 'lead', operation: 'update', leadId, updateFields: { segments: [segment] } });
			expect(result.status).toBe('success');
		}
		const segments = await options('getSegments');
		expect(segments).toEqual(
			expect.arrayContaining([
				{ name: 'Luxury', value: 'Luxury' },
				{ name: 'Relocation', value: 'Relocation' },
			]),
		);
		expect(segments.every((o) => ['First-Time Buyers', 'Luxury', 'Relocation'].includes(String(o.value)))).toBe(true);
	});
});
