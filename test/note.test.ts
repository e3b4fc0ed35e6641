import { LoftyNote } from '../nodes/LoftyNote/LoftyNote.node';
import { NOTE_TIMELINE_ID_OFFSET, notesOf, seedNotes } from './fake-lofty/routes-notes';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyNote();
const { runOk, refused } = nodeRunner(env, node);

beforeAll(() => env.fake.seedLeads(20));

function noteById(id: unknown) {
	return env.fake.data.notes.find((note) => note.id === Number(id));
}

describe('Lofty Note: create', () => {
	it('adds a pinned note to a lead and outputs its noteId', async () => {
		const result = await runOk({
			resource: 'note',
			operation: 'create',
			leadId: '1000001',
			content: 'Prefers showings after 5pm',
			additionalFields: { isPin: true },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'POST',
				path: '/v1.0/notes',
				query: {},
				body: { leadId: 1000001, content: 'Prefers showings after 5pm', isPin: true },
			},
		]);
		expect(result.items).toEqual([{ noteId: expect.stringMatching(/^\d+$/) }]);
		expect(noteById(result.items[0].noteId)).toMatchObject({ leadId: 1000001, content: 'Prefers showings after 5pm', isPin: true });
	});

	it('sends only the required fields when nothing else is set', async () => {
		await runOk({ resource: 'note', operation: 'create', leadId: ' 1000002 ', content: 'Called, no answer' });
		expect(env.apiRequests()[0].body).toEqual({ leadId: 1000002, content: 'Called, no answer' });
	});

	it('adds one note per input item from expressions', async () => {
		const result = await runOk(
			{ resource: 'note', operation: 'create', leadId: '={{ $json.lead }}', content: '={{ $json.text }}' },
			[
				{ lead: 1000003, text: 'First' },
				{ lead: 1000004, text: 'Second' },
			],
		);
		expect(env.apiRequests().map((request) => request.body)).toEqual([
			{ leadId: 1000003, content: 'First' },
			{ leadId: 1000004, content: 'Second' },
		]);
		expect(result.items).toHaveLength(2);
	});

	it('passes an object answer through (newer Lofty docs reading)', async () => {
		env.fake.injectFault({ method: 'POST', path: '/v1.0/notes', status: 200, body: { noteId: 8123456 } });
		const result = await runOk({ resource: 'note', operation: 'create', leadId: '1000001', content: 'Hello' });
		expect(result.items).toEqual([{ noteId: 8123456 }]);
	});

	it('refuses an empty content before sending', async () => {
		const error = await refused({ resource: 'note', operation: 'create', leadId: '1000001', content: '={{ "  " }}' });
		expect(error?.message).toBe('"Content" is required');
	});

	it('refuses a lead ID that is not numeric before sending', async () => {
		const error = await refused({ resource: 'note', operation: 'create', leadId: 'lead-7', content: 'x' });
		expect(error?.message).toBe('"Lead ID" must be a numeric Lofty ID, got "lead-7"');
	});

	it("surfaces Lofty's answer for a lead that does not exist", async () => {
		const result = await env.run(node(), { resource: 'note', operation: 'create', leadId: '999999', content: 'x' });
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Lead not found');
	});
});

describe('Lofty Note: get', () => {
	it('gets a note by its noteId', async () => {
		const [note] = seedNotes(env.fake.data, 1000005, 1);
		env.fake.clearRequests();
		const result = await runOk({ resource: 'note', operation: 'get', noteId: String(note.id) });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: `/v1.0/notes/${note.id}`, query: {}, body: undefined },
		]);
		expect(result.items).toEqual([
			expect.objectContaining({
				noteId: note.id,
				id: note.id + NOTE_TIMELINE_ID_OFFSET,
				leadId: 1000005,
				content: note.content,
				systemNote: false,
				creatorName: 'Alex Morgan',
			}),
		]);
	});

	it('unwraps a note answered as {note: …}', async () => {
		env.fake.injectFault({ method: 'GET', path: '/v1.0/notes/8000777', status: 200, body: { note: { noteId: 8000777, content: 'Wrapped' } } });
		const result = await runOk({ resource: 'note', operation: 'get', noteId: '8000777' });
		expect(result.items).toEqual([{ noteId: 8000777, content: 'Wrapped' }]);
	});

	it('refuses a note ID that is not numeric before sending', async () => {
		const error = await refused({ resource: 'note', operation: 'get', noteId: '12a' });
		expect(error?.message).toBe('"Note ID" must be a numeric Lofty ID, got "12a"');
	});
});

describe('Lofty Note: get many', () => {
	const LEAD = 1000006;
	beforeAll(() => seedNotes(env.fake.data, LEAD, 4, { systemNotes: 2 }));

	it("gets a lead's notes without system notes, one item per note", async () => {
		const result = await runOk({ resource: 'note', operation: 'getAll', leadId: String(LEAD), returnAll: true });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'GET', path: '/v1.0/notes', query: { leadId: String(LEAD), includeSystemNote: 'false' }, body: undefined },
		]);
		expect(result.items).toHaveLength(4);
		expect(result.items.every((note) => note.leadId === LEAD && note.systemNote === false)).toBe(true);
	});

	it('includes system notes when asked', async () => {
		const result = await runOk({
			resource: 'note',
			operation: 'getAll',
			leadId: String(LEAD),
			includeSystemNote: true,
			returnAll: true,
		});
		expect(env.apiRequests()[0].query).toEqual({ leadId: String(LEAD), includeSystemNote: 'true' });
		expect(result.items).toHaveLength(6);
		expect(result.items.filter((note) => note.systemNote === true)).toHaveLength(2);
	});

	it('cuts the list at Limit in one request', async () => {
		const result = await runOk({ resource: 'note', operation: 'getAll', leadId: String(LEAD), returnAll: false, limit: 3 });
		expect(env.apiRequests()).toHaveLength(1);
		expect(env.apiRequests()[0].query).toEqual({ leadId: String(LEAD), includeSystemNote: 'false' });
		expect(result.items).toHaveLength(3);
	});

	it('returns every note of a long list from its one response', async () => {
		seedNotes(env.fake.data, 1000007, 1100);
		env.fake.clearRequests();
		const result = await runOk({ resource: 'note', operation: 'getAll', leadId: '1000007', returnAll: true });
		expect(env.apiRequests()).toHaveLength(1);
		expect(result.items).toHaveLength(1100);
		expect(new Set(result.items.map((note) => note.noteId)).size).toBe(1100);
	});

	it('reads notes wrapped under "notes" (newer Lofty docs reading)', async () => {
		env.fake.injectFault({
			method: 'GET',
			path: '/v1.0/notes',
			status: 200,
			body: { notes: [{ noteId: 1, content: 'a' }, { noteId: 2, content: 'b' }] },
		});
		const result = await runOk({ resource: 'note', operation: 'getAll', leadId: String(LEAD), returnAll: true });
		expect(result.items).toEqual([
			{ noteId: 1, content: 'a' },
			{ noteId: 2, content: 'b' },
		]);
	});

	it('outputs nothing for a lead without notes', async () => {
		const result = await runOk({ resource: 'note', operation: 'getAll', leadId: '1000020', returnAll: true });
		expect(result.items).toEqual([]);
	});

	it('refuses a lead ID that resolves empty before sending', async () => {
		const error = await refused({ resource: 'note', operation: 'getAll', leadId: '={{ $json.missing }}', returnAll: true });
		expect(error?.message).toBe('"Lead ID" is required');
	});
});

describe('Lofty Note: update', () => {
	it('edits only the fields given and outputs the noteId', async () => {
		const [note] = seedNotes(env.fake.data, 1000008, 1);
		env.fake.clearRequests();
		const result = await runOk({
			resource: 'note',
			operation: 'update',
			noteId: String(note.id),
			updateFields: { content: 'Pre-approved up to $450k', isPin: false },
		});
		expect(env.apiRequests().map(summary)).toEqual([
			{
				method: 'PUT',
				path: `/v1.0/notes/${note.id}`,
				query: {},
				body: { content: 'Pre-approved up to $450k', isPin: false },
			},
		]);
		expect(result.items).toEqual([{ noteId: String(note.id), success: true }]);
		expect(noteById(note.id)).toMatchObject({ content: 'Pre-approved up to $450k', isPin: false });
	});

	it('sends the lead ID as a JSON number when given', async () => {
		const [note] = seedNotes(env.fake.data, 1000009, 1);
		env.fake.clearRequests();
		await runOk({ resource: 'note', operation: 'update', noteId: String(note.id), updateFields: { leadId: '1000009', isPin: true } });
		expect(env.apiRequests()[0].body).toEqual({ leadId: 1000009, isPin: true });
		expect(noteById(note.id)?.isPin).toBe(true);
	});

	it('keeps a message Lofty answers with', async () => {
		env.fake.injectFault({ method: 'PUT', path: '/v1.0/notes/8000001', status: 200, body: 'success' });
		const result = await runOk({ resource: 'note', operation: 'update', noteId: '8000001', updateFields: { content: 'x' } });
		expect(result.items).toEqual([{ noteId: '8000001', success: true, message: 'success' }]);
	});

	it('refuses an edit with no fields before sending', async () => {
		const error = await refused({ resource: 'note', operation: 'update', noteId: '8000001', updateFields: {} });
		expect(error?.message).toBe('Add at least one field to "Update Fields"');
	});

	it('refuses a lead ID that is not numeric before sending', async () => {
		const error = await refused({ resource: 'note', operation: 'update', noteId: '8000001', updateFields: { leadId: 'abc' } });
		expect(error?.message).toBe('"Lead ID" must be a numeric Lofty ID, got "abc"');
	});

	it("surfaces Lofty's refusal of another lead's ID", async () => {
		const [note] = seedNotes(env.fake.data, 1000010, 1);
		const result = await env.run(node(), {
			resource: 'note',
			operation: 'update',
			noteId: String(note.id),
			updateFields: { leadId: '1000011', content: 'moved?' },
		});
		expect(result.status).toBe('error');
		expect(result.error?.httpCode).toBe('400');
		expect(noteById(note.id)?.content).toBe(note.content);
	});
});

describe('Lofty Note: delete', () => {
	it('deletes a note and outputs its noteId', async () => {
		const [note] = seedNotes(env.fake.data, 1000012, 2);
		env.fake.clearRequests();
		const result = await runOk({ resource: 'note', operation: 'delete', noteId: String(note.id) });
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'DELETE', path: `/v1.0/notes/${note.id}`, query: {}, body: undefined },
		]);
		expect(result.items).toEqual([{ deleted: true, noteId: String(note.id) }]);
		expect(notesOf(env.fake.data, 1000012).map((n) => n.id)).toEqual([note.id + 1]);

		const again = await env.run(node(), { resource: 'note', operation: 'get', noteId: String(note.id) });
		expect(again.error?.httpCode).toBe('404');
		expect(again.error?.message).toBe('Note not found');
	});

	it('refuses a note ID that resolves empty before sending', async () => {
		const error = await refused({ resource: 'note', operation: 'delete', noteId: '={{ "" }}' });
		expect(error?.message).toBe('"Note ID" is required');
	});
});

describe('fake Lofty: note routes are strict', () => {
	async function call(method: string, path: string, body?: unknown) {
		const response = await fetch(`${env.fake.baseUrl}${path}`, {
			method,
			headers: { Authorization: 'token test-api-key', 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
	}

	it('answers a create with the new noteId as a bare string', async () => {
		const answer = await call('POST', '/v1.0/notes', { leadId: 1000013, content: 'Hi' });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual(expect.stringMatching(/^\d+$/));
	});

	it('rejects a note without lead, without content, with blank content, or for an unknown lead', async () => {
		expect(await call('POST', '/v1.0/notes', { content: 'x' })).toEqual({ status: 400, body: { code: 400, message: 'leadId is required' } });
		expect(await call('POST', '/v1.0/notes', { leadId: 1000013 })).toEqual({
			status: 400,
			body: { code: 400, message: 'content is required' },
		});
		expect((await call('POST', '/v1.0/notes', { leadId: 1000013, content: ' ' })).status).toBe(400);
		expect((await call('POST', '/v1.0/notes', { leadId: 1000013, content: 'x', isPin: 'maybe' })).status).toBe(400);
		expect((await call('POST', '/v1.0/notes', { leadId: 42, content: 'x' })).status).toBe(404);
	});

	it('needs a lead for the list and refuses to edit system notes', async () => {
		expect((await call('GET', '/v1.0/notes')).status).toBe(400);
		const [, system] = seedNotes(env.fake.data, 1000013, 1, { systemNotes: 1 });
		expect(await call('PUT', `/v1.0/notes/${system.id}`, { content: 'x' })).toEqual({
			status: 400,
			body: { code: 400, message: 'system notes cannot be edited' },
		});
		expect((await call('GET', '/v1.0/notes/1')).status).toBe(404);
		expect((await call('DELETE', '/v1.0/notes/1')).status).toBe(404);
	});
});
