import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { useFakeLofty, summary } from './support/env';

const env = useFakeLofty();

it('smoke: get a lead', async () => {
	env.fake.seedLeads(3);
	const result = await env.run(new LoftyLead(), { resource: 'lead', operation: 'get', leadId: '1000001' });
	console.log(JSON.stringify(result.error), JSON.stringify(result.items).slice(0, 500), env.apiRequests().map(summary), env.fake.requests.map(r=>r.headers.authorization));
	expect(result.status).toBe('success');
});
