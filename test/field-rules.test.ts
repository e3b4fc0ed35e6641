import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';
import { ExecuteSingleContext } from 'n8n-core';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyLog } from '../nodes/LoftyLog/LoftyLog.node';
import { LoftyNote } from '../nodes/LoftyNote/LoftyNote.node';
import { LoftyOrganization } from '../nodes/LoftyOrganization/LoftyOrganization.node';
import { LoftyTask } from '../nodes/LoftyTask/LoftyTask.node';
import { seedNotes } from './fake-lofty/routes-notes';
import { nodeRunner, useFakeLofty } from './support/env';

const env = useFakeLofty();
beforeAll(() => env.fake.seedLeads(20));

const picked = (value: string) => ({ __rl: true, mode: 'id', value });

// First in this file: no expression has run yet, which would have set luxon's default zone.
describe('a date-time typed without an offset is wall time in the workflow\'s time zone', () => {
	const task = nodeRunner(env, () => new LoftyTask(), { resource: 'task' });

	it('Task › Create sends 09:00 in New York (n8n\'s default time zone) as its epoch milliseconds', async () => {
		env.fake.clearRequests();
		await task.runOk({ operation: 'create', leadId: picked('1000001'), content: 'Call back', taskType: 'Call', deadline: '2026-01-31T09:00:00', assignedRole: 'Agent' });
		expect(env.apiRequests().map((request) => (request.body as IDataObject).deadline)).toEqual([Date.UTC(2026, 0, 31, 14)]);
	});
});

describe('Additional Body (JSON) cannot smuggle a value past the field rules', () => {
	const note = nodeRunner(env, () => new LoftyNote(), { resource: 'note' });
	const log = nodeRunner(env, () => new LoftyLog(), { resource: 'log' });
	const organization = nodeRunner(env, () => new LoftyOrganization(), { resource: 'organization' });
	const lead = nodeRunner(env, () => new LoftyLead(), { resource: 'lead' });
	const transaction = nodeRunner(env, () => new LoftyLead(), { resource: 'transaction' });

	it('refuses a lead ID that is not a number, typed in Additional Body over a good one', async () => {
		const message = await note.refusal({ operation: 'create', leadId: picked('1000001'), content: 'Hello', jsonBody: '{"leadId": "abc"}' });
		expect(message).toBe('"Lead ID" must be a numeric Lofty ID, got "abc"');
	});

	it('refuses a lead ID with a fraction, typed in Additional Body', async () => {
		const message = await note.refusal({ operation: 'create', leadId: picked('1000001'), content: 'Hello', jsonBody: '{"leadId": 1000001.5}' });
		expect(message).toBe('"Lead ID" must be a numeric Lofty ID, got "1000001.5"');
	});

	it('refuses a value a closed list does not offer, typed in Additional Body', async () => {
		const error = await log.refused({ operation: 'create', leadId: picked('1000001'), logType: 'logEmail', logJson: '{"logType": "logFax"}' });
		expect(error?.message).toBe('"Log Type" cannot be "logFax"');
	});

	it('refuses an email address that is not one, typed in Additional Body', async () => {
		const message = await organization.refusal({ operation: 'updateCompany', companyFields: { name: 'Acme' }, jsonBody: '{"email": "not-an-address"}' });
		expect(message).toBe('"Email" must be an email address, got "not-an-address"');
	});

	it('refuses an integer field that is not a whole number, typed in Additional Body', async () => {
		const message = await organization.refusal({ operation: 'updateCompany', companyFields: { name: 'Acme' }, jsonBody: '{"teamId": "12x"}' });
		expect(message).toBe('"Team ID" must be a whole number, got "12x"');
	});

	it('Lead › Create: refuses an agent ID that is not a whole number, typed in Additional Body', async () => {
		const message = await lead.refusal({ operation: 'create', firstName: 'Ann', jsonBody: '{"assignedUserId": "abc"}' });
		expect(message).toBe('"Assigned Agent Name or ID" must be a whole number, got "abc"');
	});

	it('Lead › Create: sends a birthday and an agent ID from Additional Body in Lofty\'s forms', async () => {
		env.fake.clearRequests();
		await lead.runOk({ operation: 'create', firstName: 'Ann', jsonBody: '{"birthday": "1990-05-01", "assignedUserId": " 700002 "}' });
		expect(env.apiRequests().map((request) => request.body)).toEqual([{ firstName: 'Ann', birthday: 'May 1, 1990', assignedUserId: 700002 }]);
	});

	it('Lead › Transaction › Create: refuses a date Lofty cannot use, typed in Additional Body', async () => {
		const message = await transaction.refusal({
			operation: 'create',
			leadId: picked('1000001'),
			transactionName: '1 Main St',
			transactionType: 'Purchase',
			transactionJson: '{"closeDate": "someday"}',
		});
		expect(message).toBe('"Close Date" is not a date Lofty can use: "someday"');
	});

	it('sends a good value from Additional Body as the field would send it: a lead ID as a JSON number', async () => {
		const [existing] = seedNotes(env.fake.data, 1000002, 1);
		env.fake.clearRequests();
		await note.runOk({ operation: 'update', noteId: picked(String(existing.id)), updateFields: { content: 'Edited' }, jsonBody: '{"leadId": "1000002"}' });
		expect(env.apiRequests().map((request) => request.body)).toEqual([{ content: 'Edited', leadId: 1000002 }]);
	});
});

/**
 * Counts the package's own reads of each parameter for each item: calls of getNodeParameter on
 * n8n's per-item context made from the nodes' code (RoutingNode's own reads are n8n's, not counted).
 */
async function readsPerItem(nodeType: INodeType, parameters: INodeParameters, items: IDataObject[]) {
	const reads = new Map<string, number>();
	const original = ExecuteSingleContext.prototype.getNodeParameter;
	const spy = jest.spyOn(ExecuteSingleContext.prototype, 'getNodeParameter').mockImplementation(function (
		this: ExecuteSingleContext,
		...args: Parameters<typeof original>
	) {
		const caller = (new Error().stack ?? '').split('\n').slice(2).find((line) => !line.includes('node_modules') && !line.includes('field-rules.test'));
		if (caller && /[\\/]nodes[\\/]/.test(caller)) {
			const key = `item ${this.getItemIndex()}: ${String(args[0])}`;
			reads.set(key, (reads.get(key) ?? 0) + 1);
		}
		return original.apply(this, args);
	});
	try {
		const result = await env.run(nodeType, parameters, { items });
		expect(result.error).toBeUndefined();
	} finally {
		spy.mockRestore();
	}
	return reads;
}

describe('each parameter is read once per item', () => {
	const twoItems = [{ lead: '1000003' }, { lead: '1000004' }];

	it('Note › Update: the note picker (path, check, output) and the fields, once each per item', async () => {
		const notes = [...seedNotes(env.fake.data, 1000003, 1), ...seedNotes(env.fake.data, 1000004, 1)];
		const reads = await readsPerItem(
			new LoftyNote(),
			{
				resource: 'note',
				operation: 'update',
				noteId: picked(`={{ $json.lead === "1000003" ? "${notes[0].id}" : "${notes[1].id}" }}`),
				updateFields: { leadId: picked('={{ $json.lead }}'), content: 'Edited' },
				jsonBody: '{"isPin": true}',
			},
			twoItems,
		);
		expect(reads.size).toBeGreaterThan(0);
		expect([...reads].filter(([, count]) => count > 1)).toEqual([]);
		expect(reads.get('item 0: noteId')).toBe(1);
		expect(reads.get('item 1: noteId')).toBe(1);
	});

	it('Task › Create: the lead picker, the deadline and Additional Body, once each per item', async () => {
		const reads = await readsPerItem(
			new LoftyTask(),
			{
				resource: 'task',
				operation: 'create',
				leadId: picked('={{ $json.lead }}'),
				content: 'Call back',
				taskType: 'Call',
				deadline: '2026-01-31T09:00:00',
				assignedRole: 'Agent',
				jsonBody: '{}',
			},
			twoItems,
		);
		expect([...reads].filter(([, count]) => count > 1)).toEqual([]);
	});

	it('Lead › Get: the lead picker of the path, its check and the output, once per item', async () => {
		const reads = await readsPerItem(new LoftyLead(), { resource: 'lead', operation: 'get', leadId: picked('={{ $json.lead }}') }, twoItems);
		expect([...reads].filter(([, count]) => count > 1)).toEqual([]);
		expect(reads.get('item 0: leadId')).toBe(1);
	});
});
