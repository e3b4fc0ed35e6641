import { LoftyTask } from '../nodes/LoftyTask/LoftyTask.node';
import { seedAppointments, seedTasks, tasksOf } from './fake-lofty/routes-tasks';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyTask();
const { runOk, refused } = nodeRunner(env, node);

beforeAll(() => env.fake.seedLeads(20));

function taskById(id: unknown) {
	return tasksOf(env.fake.data).tasks.get(Number(id));
}

const createParameters = {
	resource: 'task',
	operation: 'create',
	leadId: '1000001',
	content: 'Call about the Saturday showing',
	taskType: 'Call',
	deadline: '2026-03-01T12:00:00Z',
	assignedRole: 'Agent',
};

describe('Lofty Task: create', () => {
	it('adds a task with its deadline in epoch milliseconds and outputs its taskId', async () => {
		const result = await runOk({
			...createParameters,
			taskType: 'Email',
			deadline: '2026-03-01T09:00:00-05:00',
			assignedRole: 'Assistant',
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/tasks',
				query: {},
				body: {
					leadId: 1000001,
					content: 'Call about the Saturday showing',
					type: 'Email',
					deadline: 1772373600000,
					assignedRole: 'Assistant',
				},
			},
		]);
		expect(result.items).toEqual([{ taskId: expect.any(Number) }]);
		expect(taskById(result.items[0].taskId)).toMatchObject({
			leadId: 1000001,
			type: 'Email',
			assignedRole: 'Assistant',
			deadline: Date.UTC(2026, 2, 1, 14, 0, 0),
		});
	});

	it('takes the deadline from an expression giving epoch milliseconds', async () => {
		await runOk({ ...createParameters, deadline: '={{ 1772366400000 }}' });
		expect(env.apiRequests()[0].body).toMatchObject({ deadline: 1772366400000 });
	});

	it('adds one task per input item', async () => {
		const result = await runOk(
			{ ...createParameters, leadId: '={{ $json.lead }}', content: '={{ $json.todo }}' },
			[
				{ lead: '1000002', todo: 'Send listings' },
				{ lead: '1000003', todo: 'Ask for referral' },
			],
		);
		expect(env.apiRequests().map((request) => request.body)).toEqual([
			expect.objectContaining({ leadId: 1000002, content: 'Send listings' }),
			expect.objectContaining({ leadId: 1000003, content: 'Ask for referral' }),
		]);
		expect(result.items).toHaveLength(2);
	});

	it('outputs a bare-string answer as taskId (the reference reading)', async () => {
		env.fake.injectFault({ method: 'POST', path: '/v1.0/tasks', status: 200, body: '9123456' });
		const result = await runOk(createParameters);
		expect(result.items).toEqual([{ taskId: '9123456' }]);
	});

	it('refuses a deadline that is not a date before sending', async () => {
		const error = await refused({ ...createParameters, deadline: '={{ "next tuesday" }}' });
		expect(error?.message).toBe('"Deadline" is not a date Lofty can use: "next tuesday"');
	});

	it('refuses a deadline that resolves empty before sending', async () => {
		const error = await refused({ ...createParameters, deadline: '={{ $json.due }}' });
		expect(error?.message).toBe('"Deadline" is required');
	});

	it('refuses an empty description before sending', async () => {
		const error = await refused({ ...createParameters, content: '={{ "" }}' });
		expect(error?.message).toBe('"Description" is required');
	});

	it('refuses a lead ID that is not numeric before sending', async () => {
		const error = await refused({ ...createParameters, leadId: '10000x1' });
		expect(error?.message).toBe('"Lead ID" must be a numeric Lofty ID, got "10000x1"');
	});

	it("sends a type the dropdown does not offer (the reference's list is cut off), and surfaces Lofty's answer", async () => {
		const result = await env.run(node(), { ...createParameters, taskType: '={{ "Meeting" }}' });
		expect(env.apiRequests()).toHaveLength(1);
		expect(env.apiRequests()[0].body).toMatchObject({ type: 'Meeting' });
		expect(result.error).toMatchObject({ httpCode: '400', message: expect.stringContaining("type is not valid: 'Meeting'") });
	});

	it("surfaces Lofty's answer for a lead that does not exist", async () => {
		const result = await env.run(node(), { ...createParameters, leadId: '999999' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Lead not found');
	});
});

describe('Lofty Task: get', () => {
	it('gets a task, unwrapped from {task: …}', async () => {
		const [task] = seedTasks(env.fake.data, 1000004, 1);
		env.fake.clearRequests();
		const result = await runOk({ resource: 'task', operation: 'get', taskId: String(task.id) });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: `/v1.0/tasks/${task.id}`, query: {}, body: undefined },
		]);
		expect(result.items).toEqual([
			expect.objectContaining({
				id: task.id,
				leadId: 1000004,
				content: task.content,
				assignedRole: 'Agent',
				assignedUserId: 700001,
				assignedUser: 'Alex Morgan',
				finishFlag: false,
			}),
		]);
		expect(result.items[0]).not.toHaveProperty('task');
	});

	it('takes a bare TaskResponse as well (the reference reading)', async () => {
		env.fake.injectFault({ method: 'GET', path: '/v1.0/tasks/9000999', status: 200, body: { id: 9000999, content: 'Bare' } });
		const result = await runOk({ resource: 'task', operation: 'get', taskId: '9000999' });
		expect(result.items).toEqual([{ id: 9000999, content: 'Bare' }]);
	});

	it('refuses a task ID that is not numeric before sending', async () => {
		const error = await refused({ resource: 'task', operation: 'get', taskId: 'abc' });
		expect(error?.message).toBe('"Task ID" must be a numeric Lofty ID, got "abc"');
	});
});

describe('Lofty Task: get many', () => {
	const LEAD = 1000005;
	beforeAll(() => seedTasks(env.fake.data, LEAD, 5));

	it("gets a lead's tasks, one item per task", async () => {
		const result = await runOk({ resource: 'task', operation: 'getAll', leadId: String(LEAD), returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/tasks', query: { leadId: String(LEAD) }, body: undefined },
		]);
		expect(result.items).toHaveLength(5);
		expect(result.items.every((task) => task.leadId === LEAD)).toBe(true);
		expect(result.items[0]).not.toHaveProperty('taskList');
	});

	it('cuts the list at Limit in one request', async () => {
		const result = await runOk({ resource: 'task', operation: 'getAll', leadId: String(LEAD), returnAll: false, limit: 2 });
		expect(env.apiRequests()).toHaveLength(1);
		expect(result.items).toHaveLength(2);
	});

	it('returns every task of a long list from its one response', async () => {
		seedTasks(env.fake.data, 1000006, 1200);
		env.fake.clearRequests();
		const result = await runOk({ resource: 'task', operation: 'getAll', leadId: '1000006', returnAll: true });
		expect(env.apiRequests()).toHaveLength(1);
		expect(result.items).toHaveLength(1200);
	});

	it('reads a bare array as well (the reference gives no schema)', async () => {
		env.fake.injectFault({ method: 'GET', path: '/v1.0/tasks', status: 200, body: [{ id: 1 }, { id: 2 }, { id: 3 }] });
		const result = await runOk({ resource: 'task', operation: 'getAll', leadId: String(LEAD), returnAll: false, limit: 2 });
		expect(result.items).toEqual([{ id: 1 }, { id: 2 }]);
	});

	it("surfaces Lofty's answer for a lead that does not exist", async () => {
		const result = await env.run(node(), { resource: 'task', operation: 'getAll', leadId: '999999', returnAll: true });
		expect(result.error?.httpCode).toBe('404');
	});

	it('refuses a lead ID that resolves empty before sending', async () => {
		const error = await refused({ resource: 'task', operation: 'getAll', leadId: '={{ $json.none }}', returnAll: true });
		expect(error?.message).toBe('"Lead ID" is required');
	});
});

describe('Lofty Task: update', () => {
	it('edits only the fields given, converting the deadline, and outputs the taskId', async () => {
		const [task] = seedTasks(env.fake.data, 1000007, 1);
		env.fake.clearRequests();
		const result = await runOk({
			resource: 'task',
			operation: 'update',
			taskId: String(task.id),
			updateFields: { deadline: '2026-04-01T15:30:00Z', content: 'Call back', taskType: 'Text' },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'PUT',
				path: `/v1.0/tasks/${task.id}`,
				query: {},
				body: { deadline: 1775057400000, content: 'Call back', type: 'Text' },
			},
		]);
		expect(result.items).toEqual([{ taskId: String(task.id), success: true }]);
		expect(taskById(task.id)).toMatchObject({ deadline: 1775057400000, content: 'Call back', type: 'Text', assignedRole: 'Agent' });
	});

	it('marks a task completed', async () => {
		const [task] = seedTasks(env.fake.data, 1000008, 1);
		env.fake.clearRequests();
		await runOk({ resource: 'task', operation: 'update', taskId: String(task.id), updateFields: { finishFlag: true } });
		expect(env.apiRequests()[0].body).toEqual({ finishFlag: true });
		const after = await runOk({ resource: 'task', operation: 'get', taskId: String(task.id) });
		expect(after.items[0]).toMatchObject({ finishFlag: true, overdueFlag: false });
		expect(after.items[0].finishTime).toEqual(expect.any(String));
	});

	it('sends the lead ID and role when given', async () => {
		const [task] = seedTasks(env.fake.data, 1000009, 1);
		env.fake.clearRequests();
		await runOk({
			resource: 'task',
			operation: 'update',
			taskId: String(task.id),
			updateFields: { leadId: '1000009', assignedRole: 'Assistant' },
		});
		expect(env.apiRequests()[0].body).toEqual({ leadId: 1000009, assignedRole: 'Assistant' });
		expect(taskById(task.id)?.assignedRole).toBe('Assistant');
	});

	it('refuses an edit with no fields before sending', async () => {
		const error = await refused({ resource: 'task', operation: 'update', taskId: '9000001', updateFields: {} });
		expect(error?.message).toBe('Add at least one field to "Update Fields"');
	});

	it('refuses a deadline that is not a date before sending', async () => {
		const error = await refused({
			resource: 'task',
			operation: 'update',
			taskId: '9000001',
			updateFields: { deadline: '={{ "soon" }}' },
		});
		expect(error?.message).toBe('"Deadline" is not a date Lofty can use: "soon"');
	});

	it('refuses a lead ID that is not numeric before sending', async () => {
		const error = await refused({ resource: 'task', operation: 'update', taskId: '9000001', updateFields: { leadId: 'x' } });
		expect(error?.message).toBe('"Lead ID" must be a numeric Lofty ID, got "x"');
	});
});

describe('Lofty Task: delete', () => {
	it('deletes a task and outputs its taskId', async () => {
		const [task] = seedTasks(env.fake.data, 1000010, 1);
		env.fake.clearRequests();
		const result = await runOk({ resource: 'task', operation: 'delete', taskId: ` ${task.id} ` });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'DELETE', path: `/v1.0/tasks/${task.id}`, query: {}, body: undefined },
		]);
		expect(result.items).toEqual([{ deleted: true, taskId: String(task.id) }]);

		const again = await env.run(node(), { resource: 'task', operation: 'get', taskId: String(task.id) });
		expect(again.error?.httpCode).toBe('404');
		expect(again.error?.message).toBe('Task not found');
	});

	it('outputs the taskId when Lofty answers with no content', async () => {
		env.fake.injectFault({ method: 'DELETE', path: '/v1.0/tasks/9000555', status: 204, rawBody: '' });
		const result = await runOk({ resource: 'task', operation: 'delete', taskId: '9000555' });
		expect(result.items).toEqual([{ deleted: true, taskId: '9000555' }]);
	});
});

describe('Lofty Task: appointment resource', () => {
	const LEAD = 1000011;
	beforeAll(() => seedAppointments(env.fake.data, LEAD, 3));

	it("gets a lead's appointments, one item per appointment", async () => {
		const result = await runOk({ resource: 'appointment', operation: 'getAll', leadId: String(LEAD), returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/appts', query: { leadId: String(LEAD) }, body: undefined },
		]);
		expect(result.items).toHaveLength(3);
		expect(result.items[0]).toMatchObject({
			leadId: LEAD,
			descr: expect.stringMatching(/^Showing \d+$/),
			deadline: expect.any(Number),
			endTime: expect.any(Number),
			assignToUid: 700002,
		});
	});

	it('cuts the list at Limit', async () => {
		const result = await runOk({ resource: 'appointment', operation: 'getAll', leadId: String(LEAD), returnAll: false, limit: 1 });
		expect(env.apiRequests()).toHaveLength(1);
		expect(result.items).toHaveLength(1);
	});

	it('refuses a lead ID that is not numeric before sending', async () => {
		const error = await refused({ resource: 'appointment', operation: 'getAll', leadId: 'nope', returnAll: true });
		expect(error?.message).toBe('"Lead ID" must be a numeric Lofty ID, got "nope"');
	});
});

describe('fake Lofty: task routes are strict', () => {
	async function call(method: string, path: string, body?: unknown) {
		const response = await fetch(`${env.fake.baseUrl}${path}`, {
			method,
			headers: { Authorization: 'token test-api-key', 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
	}
	const valid = { leadId: 1000012, content: 'x', deadline: 1772366400000, type: 'Call', assignedRole: 'Agent' };

	it.each([
		['leadId', { ...valid, leadId: undefined }, 'leadId is required'],
		['content', { ...valid, content: undefined }, 'content is required'],
		['deadline', { ...valid, deadline: undefined }, 'deadline is required'],
		['type', { ...valid, type: undefined }, 'type is required'],
		['assignedRole', { ...valid, assignedRole: undefined }, 'assignedRole is required'],
	])('rejects a task without %s', async (_field, body, message) => {
		expect(await call('POST', '/v1.0/tasks', body)).toEqual({ status: 400, body: { code: 400, message } });
	});

	it('rejects an ISO deadline, a deadline in seconds, an unknown role and an unknown lead', async () => {
		expect((await call('POST', '/v1.0/tasks', { ...valid, deadline: '2026-03-01T12:00:00Z' })).status).toBe(400);
		expect((await call('POST', '/v1.0/tasks', { ...valid, deadline: 1772366400 })).status).toBe(400);
		expect((await call('POST', '/v1.0/tasks', { ...valid, assignedRole: 'Lender' })).status).toBe(400);
		expect(await call('POST', '/v1.0/tasks', { ...valid, leadId: 42 })).toEqual({
			status: 404,
			body: { code: 404, message: 'Lead not found' },
		});
	});

	it('needs a lead for the lists and answers 404 for unknown tasks', async () => {
		expect((await call('GET', '/v1.0/tasks')).status).toBe(400);
		expect((await call('GET', '/v1.0/appts')).status).toBe(400);
		expect((await call('GET', '/v1.0/tasks/1')).status).toBe(404);
		expect((await call('PUT', '/v1.0/tasks/1', { content: 'x' })).status).toBe(404);
		expect((await call('DELETE', '/v1.0/tasks/1')).status).toBe(404);
	});

	it('ignores other fields when finishFlag is set', async () => {
		const [task] = seedTasks(env.fake.data, 1000012, 1);
		expect(await call('PUT', `/v1.0/tasks/${task.id}`, { finishFlag: true, content: 'ignored' })).toEqual({
			status: 200,
			body: String(task.id),
		});
		expect(taskById(task.id)).toMatchObject({ finished: true, content: task.content });
	});
});
