import type { INodeParameters, INodeProperties, INodePropertyRegexValidation, INodeType } from 'n8n-workflow';

import { LoftyCall } from '../nodes/LoftyCall/LoftyCall.node';
import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyMember } from '../nodes/LoftyMember/LoftyMember.node';
import { LoftyNote } from '../nodes/LoftyNote/LoftyNote.node';
import { LoftyTask } from '../nodes/LoftyTask/LoftyTask.node';
import { seedNotes } from './fake-lofty/routes-notes';
import { seedTasks } from './fake-lofty/routes-tasks';
import { listSearch } from './harness';
import { nodeRunner, summary, useFakeLofty } from './support/env';
import { allNodeTypes } from './support/nodes';

const env = useFakeLofty();
const lead = () => new LoftyLead();
const { runOk, refusal } = nodeRunner(env, lead);
const credentials = () => ({ type: 'loftyApi' as const, data: { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl } });

// 600 leads: a name search reads five pages of 100 and hands the rest to "load more".
beforeAll(() => env.fake.seedLeads(600));

const picked = (mode: string, value: string) => ({ __rl: true, mode, value });

function search(type: INodeType, method: string, parameters: INodeParameters, filter?: string, paginationToken?: string) {
	return listSearch({ method, filter, paginationToken, nodes: { type, parameters }, credentials: credentials() });
}

describe('record pickers in the descriptions', () => {
	const ID_FIELD = /^(lead|note|task|transaction|user)Id$/;
	const pickers = allNodeTypes().flatMap((type) =>
		type.description.properties.filter((property) => ID_FIELD.test(property.name)).map((property) => ({ node: type.description.name, property })),
	);

	it('every lead, member, note, task and transaction id of an operation is a resource locator', () => {
		// One property per resource and meaning (a field is declared once for all its operations).
		expect(pickers.length).toBeGreaterThanOrEqual(15);
		expect(pickers.filter(({ property }) => property.type !== 'resourceLocator').map(({ node, property }) => `${node}.${property.name}`)).toEqual([]);
	});

	it('offers From List where Lofty can list the record, By ID always, and no By URL', () => {
		const modesOf = (property: INodeProperties) => (property.modes ?? []).map((mode) => mode.name);
		for (const { property } of pickers) {
			const listed = ['leadId', 'userId', 'transactionId'].includes(property.name);
			expect(modesOf(property)).toEqual(listed ? ['list', 'id'] : ['id']);
			expect(property.default).toEqual({ mode: listed ? 'list' : 'id', value: '' });
			const byId = property.modes!.find((mode) => mode.name === 'id')!;
			const regex = new RegExp((byId.validation?.[0] as INodePropertyRegexValidation).properties.regex);
			expect([regex.test('1000001'), regex.test(' 1000001 '), regex.test('abc'), regex.test('12/../3')]).toEqual([true, true, false, false]);
		}
	});
});

describe('record pickers in a run, under both routers', () => {
	it('reads the id from every mode and from an expression', async () => {
		await runOk({ resource: 'lead', operation: 'get', leadId: picked('list', '1000001'), simplify: false });
		await runOk({ resource: 'lead', operation: 'get', leadId: picked('id', ' 1000002 '), simplify: false });
		await runOk({ resource: 'lead', operation: 'get', leadId: picked('id', '={{ $json.id }}'), simplify: false }, [{ id: 1000003 }]);
		expect(env.apiRequests().map((r) => r.path)).toEqual(['/v1.0/leads/1000001', '/v1.0/leads/1000002', '/v1.0/leads/1000003']);
	});

	it('sends a picked id in the body as a JSON number', async () => {
		await runOk({ resource: 'lead', operation: 'getLoginLink', leadId: picked('list', '1000004'), loftyWebsiteURL: 'https://www.example-realty.com/' });
		const note = await env.run(new LoftyNote(), { resource: 'note', operation: 'create', leadId: picked('id', '1000005'), content: 'Called back' });
		expect(note.status).toBe('success');
		expect(env.apiRequests().map((r) => ({ path: r.path, leadId: (r.body as { leadId?: unknown }).leadId }))).toEqual([
			{ path: '/v1.0/leads/specified-url', leadId: 1000004 },
			{ path: '/v1.0/notes', leadId: 1000005 },
		]);
	});

	it("reads a picker inside a collection: Note and Task Update's lead", async () => {
		const [note] = seedNotes(env.fake.data, 1000011, 1);
		const [task] = seedTasks(env.fake.data, 1000012, 1);
		env.fake.clearRequests();
		const edits = [
			await env.run(new LoftyNote(), { resource: 'note', operation: 'update', noteId: String(note.id), updateFields: { leadId: picked('list', '1000011'), content: 'Second call' } }),
			await env.run(new LoftyTask(), { resource: 'task', operation: 'update', taskId: String(task.id), updateFields: { leadId: picked('id', '={{ $json.lead }}') } }, { items: [{ lead: '1000012' }] }),
		];
		expect(edits.map((edit) => edit.status)).toEqual(['success', 'success']);
		expect(env.apiRequests().map((r) => ({ path: r.path, leadId: (r.body as { leadId?: unknown }).leadId }))).toEqual([
			{ path: `/v1.0/notes/${note.id}`, leadId: 1000011 },
			{ path: `/v1.0/tasks/${task.id}`, leadId: 1000012 },
		]);
	});

	it('reads a picker in a Filters collection: Call Get Many by lead', async () => {
		const result = await env.run(new LoftyCall(), { resource: 'call', operation: 'getAll', returnAll: true, filters: { leadId: picked('list', '1000002') } });
		expect(result.status).toBe('success');
		expect(env.apiRequests().map((r) => r.query.leadId)).toEqual(['1000002']);
	});

	it('refuses a typed value that is not an id: n8n flags the node, nothing is sent', async () => {
		await expect(env.run(lead(), { resource: 'lead', operation: 'get', leadId: picked('id', '1/../../me') })).rejects.toThrow(
			'Not a valid lead ID: Lofty IDs are whole numbers',
		);
		expect(env.apiRequests()).toEqual([]);
	});

	it('refuses an expression that gives no id, naming the field, before sending', async () => {
		expect(await refusal({ resource: 'lead', operation: 'get', leadId: picked('id', '={{ $json.id }}') }, [{ id: '1/../../me' }])).toBe(
			'"Lead ID" must be a numeric Lofty ID, got "1/../../me"',
		);
	});

	it('outputs {deleted: true} and the id of a picked record', async () => {
		const result = await runOk({ resource: 'lead', operation: 'delete', leadId: picked('list', '1000006'), reason: 'Duplicate' });
		expect(result.items).toEqual([{ deleted: true, leadId: '1000006' }]);
	});
});

describe('workflows saved before the pickers', () => {
	// The node's parameters as a workflow saved by an earlier version holds them: plain strings.
	const saved = { resource: 'lead', operation: 'update', leadId: '1000007', updateFields: { lastName: 'Okafor' } };

	it('a plain id still addresses the record', async () => {
		const result = await runOk(saved);
		expect(summary(env.apiRequests()[0])).toEqual({ method: 'PUT', path: '/v1.0/leads/1000007', query: {}, body: { lastName: 'Okafor' } });
		expect(result.items).toEqual([{ leadId: 1000007 }]);
	});

	it('a plain expression still addresses the record', async () => {
		await runOk({ ...saved, leadId: '={{ $json.lead }}' }, [{ lead: '1000008' }]);
		expect(env.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /v1.0/leads/1000008']);
	});

	it('a plain id in a body field still goes out as a JSON number', async () => {
		await runOk({ resource: 'lead', operation: 'getLoginLink', leadId: '1000009', loftyWebsiteURL: 'https://www.example-realty.com/' });
		expect(env.apiRequests()[0].body).toEqual({ leadId: 1000009, loftyWebsiteURL: 'https://www.example-realty.com/' });
	});
});

describe('From list: searching leads', () => {
	const leadForm = { resource: 'lead', operation: 'get' };

	it('by name: every word typed, newest first, five pages a search, the rest on "load more"', async () => {
		// Avery Smith is lead k = 1, 71, 141, … (first names cycle by 10, last names by 7).
		const first = await search(lead(), 'searchLeads', leadForm, 'avery smi');
		expect(first.results.map((r) => r.value)).toEqual(['1000561', '1000491', '1000421', '1000351', '1000281', '1000211', '1000141']);
		expect(first.results[0].name).toBe('Avery Smith (lead561@example.com)');
		expect(first.paginationToken).toBe('500');
		const rest = await search(lead(), 'searchLeads', leadForm, 'avery smi', first.paginationToken);
		expect(rest.results.map((r) => r.value)).toEqual(['1000071', '1000001']);
		expect(rest.paginationToken).toBeUndefined();
		expect(env.apiRequests().map((r) => r.query.offset)).toEqual(['0', '100', '200', '300', '400', '500']);
	});

	it('by email and by phone: Lofty\'s exact filters, one request', async () => {
		const byEmail = await search(lead(), 'searchLeads', leadForm, ' lead42@example.com ');
		const byPhone = await search(lead(), 'searchLeads', leadForm, '5550000043');
		expect(byEmail.results).toEqual([{ name: 'Jordan Lopez (lead42@example.com)', value: '1000042' }]);
		expect(byPhone.results.map((r) => r.value)).toEqual(['1000043']);
		expect(env.apiRequests().map((r) => r.query)).toEqual([
			{ limit: '100', email: 'lead42@example.com' },
			{ limit: '100', phone: '5550000043' },
		]);
	});

	it('with nothing typed, lists the newest leads a page at a time', async () => {
		const result = await search(lead(), 'searchLeads', leadForm);
		expect(result.results).toHaveLength(100);
		expect(result.results[0]).toEqual({ name: 'Emerson Brown (lead600@example.com)', value: '1000600' });
		expect(result.paginationToken).toBe('100');
	});
});

describe('From list: members and transactions', () => {
	it('members by name or email, valued by their user id', async () => {
		const member = new LoftyMember();
		const all = await search(member, 'searchMembers', { resource: 'member', operation: 'update' });
		expect(all.results.map((r) => r.value)).toEqual(['700001', '700002', '700003']);
		const one = await search(member, 'searchMembers', { resource: 'member', operation: 'update' }, 'casey');
		expect(one.results).toEqual([{ name: expect.stringMatching(/^Casey Lee/), value: '700003' }]);
	});

	it("transactions of the lead chosen above, by name, whichever way the lead was picked", async () => {
		const created = await runOk({ resource: 'transaction', operation: 'create', leadId: '1000050', transactionName: '9 Elm St', transactionType: 'Purchase' });
		const transactionId = String(created.items[0].transactionId);
		const form = { resource: 'transaction', operation: 'get' };
		for (const leadId of ['1000050', picked('list', '1000050'), picked('id', '1000050')]) {
			const result = await search(lead(), 'searchTransactions', { ...form, leadId }, 'elm');
			expect(result.results).toEqual([{ name: '9 Elm St', value: transactionId }]);
		}
		const got = await runOk({ ...form, leadId: picked('list', '1000050'), transactionId: picked('list', transactionId) });
		expect(got.items[0]).toMatchObject({ transactionName: '9 Elm St' });
	});

	it('asks for the lead first when none is chosen', async () => {
		await expect(search(lead(), 'searchTransactions', { resource: 'transaction', operation: 'get' })).rejects.toThrow(
			'Choose the lead first: Lofty lists transactions per lead',
		);
		expect(env.apiRequests()).toEqual([]);
	});
});

describe('Simplify on Lead Get and Get Many', () => {
	const SIMPLE = ['assignedUser', 'assignedUserId', 'createTime', 'emails', 'firstName', 'lastName', 'lastUpdateTime', 'leadId', 'phones', 'source', 'stage', 'tags'];

	it('is on by default and keeps the fields people use', async () => {
		const get = await runOk({ resource: 'lead', operation: 'get', leadId: '1000010' });
		expect(Object.keys(get.items[0]).sort()).toEqual(SIMPLE);
		expect(get.items[0]).toMatchObject({ leadId: 1000010, firstName: 'Emerson', lastName: 'Nguyen', emails: ['lead10@example.com'] });
		const many = await runOk({ resource: 'lead', operation: 'getAll', limit: 2 });
		expect(many.items.map((item) => Object.keys(item).sort())).toEqual([SIMPLE, SIMPLE]);
	});

	it('off, returns the whole record', async () => {
		const get = await runOk({ resource: 'lead', operation: 'get', leadId: '1000010', simplify: false });
		expect(Object.keys(get.items[0]).length).toBeGreaterThan(SIMPLE.length);
		expect(get.items[0]).toMatchObject({ leadId: 1000010, score: 10, city: 'Austin' });
		const many = await runOk({ resource: 'lead', operation: 'getAll', limit: 1, simplify: false });
		expect(many.items[0]).toHaveProperty('leadFamilyMemberList');
	});
});
