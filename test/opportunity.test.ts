import type { INodeParameters } from 'n8n-workflow';

import { LoftyOpportunity } from '../nodes/LoftyOpportunity/LoftyOpportunity.node';
import { opportunityOf } from './fake-lofty/routes-opportunity';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyOpportunity();
const { runOk } = nodeRunner(env, node, { resource: 'opportunity', operation: 'sendNotification' });
const notifications = () => opportunityOf(env.fake.data).notifications;

beforeAll(() => env.fake.seedLeads(10));

async function runRefused(parameters: INodeParameters) {
	const result = await env.run(node(), { resource: 'opportunity', operation: 'sendNotification', ...parameters });
	expect(result.status).toBe('error');
	expect(env.apiRequests()).toHaveLength(0);
	return result.error?.message;
}

describe('Lofty Opportunity: Send Notification', () => {
	it('sends the message, type and link about a lead', async () => {
		const result = await runOk({
			leadId: '1000003',
			message: 'Avery viewed 1 Main St three times today',
			additionalFields: {
				notificationType: 2,
				detailLink: { details: { description: 'Open the listing', link: 'https://homes.example.com/listing/1' } },
			},
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/agent/send-notification',
				query: {},
				body: {
					leadId: 1000003,
					message: 'Avery viewed 1 Main St three times today',
					notificationType: 2,
					description: 'Open the listing',
					link: 'https://homes.example.com/listing/1',
				},
			},
		]);
		expect(result.items).toEqual([{ leadId: '1000003', success: true, message: 'success' }]);
		expect(notifications().at(-1)).toMatchObject({ leadId: 1000003, agentId: 700003, notificationType: 2, detailShown: true });
	});

	it('sends only lead and message when nothing else is given', async () => {
		await runOk({ leadId: '1000004', message: 'Call back today', additionalFields: { detailLink: { details: { description: '', link: ' ' } } } });
		expect(env.apiRequests()[0].body).toEqual({ leadId: 1000004, message: 'Call back today' });
		expect(notifications().at(-1)).toMatchObject({ leadId: 1000004, detailShown: false, notificationType: null });
	});

	it('sends one notification per input item', async () => {
		const result = await runOk({ leadId: '={{ $json.leadId }}', message: '={{ "Hot: " + $json.why }}' }, [
			{ leadId: 1000005, why: 'asked for a showing' },
			{ leadId: 1000006, why: 'pre-approved' },
		]);
		expect(env.apiRequests().map((r) => r.body)).toEqual([
			{ leadId: 1000005, message: 'Hot: asked for a showing' },
			{ leadId: 1000006, message: 'Hot: pre-approved' },
		]);
		expect(result.items.map((item) => item.leadId)).toEqual(['1000005', '1000006']);
	});

	it("reports Lofty's error for a lead in the trash", async () => {
		env.fake.data.leads.get(1000007)!.deleted = true;
		const result = await env.run(node(), {
			resource: 'opportunity',
			operation: 'sendNotification',
			leadId: '1000007',
			message: 'Hello',
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Lead not found');
		expect(result.error?.httpCode).toBe('404');
		expect(env.apiRequests()).toHaveLength(1);
	});

	it.each([
		[{ leadId: '={{ "" }}', message: 'Hi' }, '"Lead ID" is required'],
		[{ leadId: 'lead-12', message: 'Hi' }, '"Lead ID" must be a numeric Lofty ID, got "lead-12"'],
		[{ leadId: '1000001', message: '={{ "  " }}' }, '"Message" is required'],
		[
			{ leadId: '1000001', message: 'Hi', additionalFields: { detailLink: { details: { description: 'Open the lead' } } } },
			'"Link URL" is required when the notification carries a link',
		],
		[
			{ leadId: '1000001', message: 'Hi', additionalFields: { detailLink: { details: { link: 'https://homes.example.com/' } } } },
			'"Link Text" is required when the notification carries a link',
		],
		[
			{ leadId: '1000001', message: 'Hi', additionalFields: { detailLink: { details: { description: 'Open', link: 'homes.example.com' } } } },
			'"Link URL" must be an http(s) URL, got "homes.example.com"',
		],
	])('refuses %j before sending', async (parameters, message) => {
		expect(await runRefused(parameters)).toBe(message);
	});
});
