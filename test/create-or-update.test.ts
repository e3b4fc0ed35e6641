/**
 * Lead › Create or Update: it updates a lead only when that lead is the person of the input, and
 * then keeps the lead's other emails and phones unless asked to replace them.
 */
import type { INodeParameters } from 'n8n-workflow';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import type { LeadRecord } from './fake-lofty/data';
import { nodeRunner, summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
const node = () => new LoftyLead();
const { runOk } = nodeRunner(env, node, { resource: 'lead', operation: 'createOrUpdate' });

let phoneSeq = 0;
/** A lead of its own per test, on a phone no other test uses. */
function addLead(firstName: string, emails: string[], phones = [`512777${String(++phoneSeq).padStart(4, '0')}`]): LeadRecord {
	return env.fake.data.addLead({ firstName, lastName: 'Harper', emails, phones });
}

/** What the lead holds now, as a person would check it. */
function personOf(lead: LeadRecord) {
	const now = env.fake.data.lead(lead.leadId);
	return { firstName: now?.profile.firstName, emails: now?.emails, phones: now?.phones };
}

const writes = () => env.apiRequests().filter((request) => request.method !== 'GET');
const lookups = () => env.apiRequests().filter((request) => request.method === 'GET').map((request) => request.query.email ?? request.query.phone);

/** A search answer of one lead, as Lofty's lead search gives it. */
function searchAnswer(lead: { leadId: number; emails: string[]; phones: string[] }) {
	return { _metadata: { collection: 'leads', limit: 10, offset: 0, total: 1 }, leads: [{ firstName: 'Other', lastName: 'Person', ...lead }] };
}

describe('Lead › Create or Update', () => {
	describe('a lead found by phone that lacks the input\'s email is another person', () => {
		it('creates a new lead for John, who shares Jane\'s household phone, and leaves Jane as she was', async () => {
			const jane = addLead('Jane', ['jane.harper@example.com']);
			const phone = jane.phones[0];
			const result = await runOk({ firstName: 'John', emails: 'john.harper@example.com', phones: phone });

			expect(lookups()).toEqual(['john.harper@example.com', phone]);
			expect(writes().map(summary)).toEqual([
				{ method: 'POST', path: '/v1.0/leads', query: {}, body: { firstName: 'John', emails: ['john.harper@example.com'], phones: [phone] } },
			]);
			expect(personOf(jane)).toEqual({ firstName: 'Jane', emails: ['jane.harper@example.com'], phones: [phone] });
			const [john] = result.items;
			expect(john).toEqual({ leadId: expect.stringMatching(/^\d+$/), action: 'created', matchedBy: 'none' });
			expect(String(john.leadId)).not.toBe(String(jane.leadId));
		});

		it('also with Match By "Phone Only"', async () => {
			const jane = addLead('Jane', ['jane.phoneonly@example.com']);
			const result = await runOk({ firstName: 'John', emails: 'john.phoneonly@example.com', phones: jane.phones[0], matchBy: 'phone' });
			expect(writes().map((request) => request.method)).toEqual(['POST']);
			expect(personOf(jane).firstName).toBe('Jane');
			expect(result.items[0]).toMatchObject({ action: 'created', matchedBy: 'none' });
		});

		it('a lead found by phone that has no email at all is not taken for the person either', async () => {
			const noEmail = addLead('Pat', []);
			const result = await runOk({ firstName: 'Sam', emails: 'sam.harper@example.com', phones: noEmail.phones[0] });
			expect(writes().map((request) => request.method)).toEqual(['POST']);
			expect(personOf(noEmail)).toEqual({ firstName: 'Pat', emails: [], phones: noEmail.phones });
			expect(result.items[0]).toMatchObject({ action: 'created', matchedBy: 'none' });
		});

		it('fails the item instead when "Phone Match With Another Email" is "Fail the Item", and writes nothing', async () => {
			const jane = addLead('Jane', ['jane.fail@example.com']);
			const result = await env.run(node(), {
				resource: 'lead',
				operation: 'createOrUpdate',
				firstName: 'John',
				emails: 'john.fail@example.com',
				phones: jane.phones[0],
				phoneMatchOtherEmail: 'fail',
			});
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(`Lead ${jane.leadId}, found by phone, has none of the emails given: it is another person`);
			expect(result.error?.description).toContain('No lead was created or changed');
			expect(writes()).toEqual([]);
			expect(personOf(jane).firstName).toBe('Jane');
		});

		it('fails only that item: the other items of the run are created or updated', async () => {
			const jane = addLead('Jane', ['jane.items@example.com']);
			const result = await env.run(
				node(),
				{
					resource: 'lead',
					operation: 'createOrUpdate',
					firstName: '={{ $json.name }}',
					emails: '={{ $json.email }}',
					phones: '={{ $json.phone }}',
					phoneMatchOtherEmail: 'fail',
				},
				{
					continueOnFail: true,
					items: [
						{ name: 'John', email: 'john.items@example.com', phone: jane.phones[0] },
						{ name: 'Janet', email: 'jane.items@example.com', phone: jane.phones[0] },
					],
				},
			);
			expect(result.status).toBe('success');
			expect(result.items[0]).toEqual({ error: `Lead ${jane.leadId}, found by phone, has none of the emails given: it is another person` });
			expect(result.items[1]).toMatchObject({ leadId: String(jane.leadId), action: 'updated', matchedBy: 'email' });
			expect(writes().map((request) => `${request.method} ${request.path}`)).toEqual([`PUT /v1.0/leads/${jane.leadId}`]);
		});
	});

	describe('a lead found by phone that is the same person is updated', () => {
		it('when the input has no email', async () => {
			const lead = addLead('Robin', ['robin@example.com']);
			const result = await runOk({ firstName: 'Robin', lastName: 'Moss', phones: lead.phones[0] });
			expect(writes().map(summary)).toEqual([
				{ method: 'PUT', path: `/v1.0/leads/${lead.leadId}`, query: {}, body: { firstName: 'Robin', lastName: 'Moss', phones: lead.phones } },
			]);
			expect(result.items[0]).toEqual({ leadId: String(lead.leadId), action: 'updated', matchedBy: 'phone' });
		});

		it('when the lead has another of the input\'s emails (the first one is new), which it keeps', async () => {
			const lead = addLead('Casey', ['casey.home@example.com']);
			const result = await runOk({ firstName: 'Casey', emails: 'casey.work@example.com, Casey.Home@example.com', phones: lead.phones[0] });
			expect(lookups()).toEqual(['casey.work@example.com', lead.phones[0]]);
			expect(writes().map(summary)).toEqual([
				{
					method: 'PUT',
					path: `/v1.0/leads/${lead.leadId}`,
					query: {},
					body: { firstName: 'Casey', emails: ['casey.home@example.com', 'casey.work@example.com'], phones: lead.phones },
				},
			]);
			expect(result.items[0]).toMatchObject({ action: 'updated', matchedBy: 'phone' });
		});
	});

	describe('the lead found must carry the value it was looked up by', () => {
		it('a search answer with another email is no match: the lead is created, not overwritten', async () => {
			const other = addLead('Other', ['someone.else@example.com']);
			env.fake.injectFault({ method: 'GET', path: '/v1.0/leads', status: 200, body: searchAnswer(other) });
			const result = await runOk({ firstName: 'Drew', emails: 'drew@example.com', matchBy: 'email' });
			expect(writes().map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v1.0/leads']);
			expect(personOf(other).firstName).toBe('Other');
			expect(result.items[0]).toMatchObject({ action: 'created', matchedBy: 'none' });
		});

		it('a search answer with another phone is no match either', async () => {
			const other = addLead('Other', [], ['5127770999']);
			env.fake.injectFault({ method: 'GET', path: '/v1.0/leads', status: 200, body: searchAnswer(other) });
			const result = await runOk({ firstName: 'Drew', phones: '5127770998', matchBy: 'phone' });
			expect(writes().map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v1.0/leads']);
			expect(result.items[0]).toMatchObject({ action: 'created', matchedBy: 'none' });
		});

		it('after a search answer without the email, the phone is still looked up', async () => {
			const lead = addLead('Lee', []);
			env.fake.injectFault({ method: 'GET', path: '/v1.0/leads', status: 200, body: searchAnswer({ leadId: 1000003, emails: ['lead3@example.com'], phones: [] }) });
			const result = await runOk({ firstName: 'Lee', phones: lead.phones[0], emails: 'lee.new@example.com', phoneMatchOtherEmail: 'create' });
			expect(lookups()).toEqual(['lee.new@example.com', lead.phones[0]]);
			// Found by phone, but without the input's email: another person.
			expect(writes().map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v1.0/leads']);
			expect(result.items[0]).toMatchObject({ action: 'created', matchedBy: 'none' });
		});

		it('compares emails without regard to case and phones by their digits', async () => {
			const lead = addLead('Kim', ['Kim.Lowe@Example.com'], ['(512) 777-0500']);
			env.fake.injectFault({ method: 'GET', path: '/v1.0/leads', status: 200, body: searchAnswer(lead) });
			const byEmail = await runOk({ firstName: 'Kim', emails: 'kim.lowe@example.com', matchBy: 'email' });
			expect(byEmail.items[0]).toMatchObject({ leadId: String(lead.leadId), action: 'updated', matchedBy: 'email' });

			env.fake.clearRequests();
			env.fake.injectFault({ method: 'GET', path: '/v1.0/leads', status: 200, body: searchAnswer(lead) });
			const byPhone = await runOk({ firstName: 'Kim', phones: '512-777-0500', matchBy: 'phone' });
			expect(byPhone.items[0]).toMatchObject({ leadId: String(lead.leadId), action: 'updated', matchedBy: 'phone' });
			// The same phone written another way is not added a second time.
			expect(writes()[0].body).toMatchObject({ phones: ['(512) 777-0500'] });
		});
	});

	describe('emails and phones of an updated lead', () => {
		const update = (lead: LeadRecord, extra: INodeParameters) =>
			runOk({ firstName: lead.profile.firstName ?? '', emails: lead.emails[0], matchBy: 'email', ...extra });

		it('are merged with the lead\'s own by default: nothing the lead had is lost, nothing is doubled', async () => {
			const lead = addLead('Alex', ['alex@example.com', 'alex.old@example.com'], ['5127771001']);
			const result = await update(lead, { emails: 'ALEX@example.com, alex.new@example.com', phones: '5127771002, 512 777 1001' });
			expect(writes()[0].body).toEqual({
				firstName: 'Alex',
				emails: ['alex@example.com', 'alex.old@example.com', 'alex.new@example.com'],
				phones: ['5127771001', '5127771002'],
			});
			expect(personOf(lead)).toEqual({
				firstName: 'Alex',
				emails: ['alex@example.com', 'alex.old@example.com', 'alex.new@example.com'],
				phones: ['5127771001', '5127771002'],
			});
			expect(result.items[0]).toEqual({ leadId: String(lead.leadId), action: 'updated', matchedBy: 'email' });
		});

		it('leave the lead\'s phones alone when the input has none', async () => {
			const lead = addLead('Bo', ['bo@example.com'], ['5127771003']);
			await update(lead, {});
			expect(writes()[0].body).toEqual({ firstName: 'Bo', emails: ['bo@example.com'] });
			expect(personOf(lead).phones).toEqual(['5127771003']);
		});

		it('are replaced by the input\'s when "Emails and Phones on Update" is "Replace"', async () => {
			const lead = addLead('Cy', ['cy@example.com', 'cy.old@example.com'], ['5127771004']);
			await update(lead, { emails: 'cy@example.com', phones: '5127771005', emailsAndPhonesOnUpdate: 'replace' });
			expect(writes()[0].body).toEqual({ firstName: 'Cy', emails: ['cy@example.com'], phones: ['5127771005'] });
			expect(personOf(lead)).toEqual({ firstName: 'Cy', emails: ['cy@example.com'], phones: ['5127771005'] });
		});

		it('a new lead gets exactly the input\'s, whatever the setting', async () => {
			const result = await runOk({ firstName: 'Dee', emails: 'dee.only@example.com', phones: '5127771006', emailsAndPhonesOnUpdate: 'merge' });
			expect(writes()[0].body).toEqual({ firstName: 'Dee', emails: ['dee.only@example.com'], phones: ['5127771006'] });
			expect(result.items[0]).toMatchObject({ action: 'created', matchedBy: 'none' });
		});
	});
});
