// Step 1: one operation of every action node, run in one workflow by a real n8n. Each case
// names the node type, its parameters and what its output items must look like; `sandbox`
// is the fake the credential points at (its state can be checked after the run).
//
// A node listed in package.json without a case here fails the step, so every node that lands
// gets an e2e case.

import assert from 'node:assert/strict';

/** A seeded lead of the sandbox (seedLeads: lead N has id 1000000 + N). */
export const LEAD_ID = 1000001;

const isId = (value) => /^\d+$/.test(String(value ?? ''));

export const NODE_CASES = [
	{
		type: 'loftyLead',
		name: 'Lead: Get Many',
		parameters: { resource: 'lead', operation: 'getAll', returnAll: false, limit: 5 },
		expect(items) {
			assert.equal(items.length, 5, 'one item per lead, exactly Limit');
			for (const lead of items) assert.ok(isId(lead.leadId), `lead item without leadId: ${JSON.stringify(lead).slice(0, 200)}`);
			assert.equal(new Set(items.map((l) => l.leadId)).size, 5, 'distinct leads');
		},
	},
	{
		type: 'loftyNote',
		name: 'Note: Create',
		parameters: { resource: 'note', operation: 'create', leadId: String(LEAD_ID), content: 'Note from the e2e suite' },
		expect(items, sandbox) {
			assert.equal(items.length, 1);
			const stored = sandbox.fake.data.notes.filter((n) => n.content === 'Note from the e2e suite');
			assert.equal(stored.length, 1, 'the sandbox holds the new note');
			assert.equal(stored[0].leadId, LEAD_ID);
		},
	},
	{
		type: 'loftyTask',
		name: 'Task: Create',
		parameters: {
			resource: 'task',
			operation: 'create',
			leadId: String(LEAD_ID),
			content: 'Call back (e2e)',
			taskType: 'Call',
			assignedRole: 'Agent',
			deadline: '={{ $now.plus({ days: 1 }).toISO() }}',
		},
		expect(items, sandbox) {
			assert.equal(items.length, 1);
			const tasks = [...sandbox.lib.tasksOf(sandbox.fake.data).tasks.values()].filter((t) => t.content === 'Call back (e2e)');
			assert.equal(tasks.length, 1, 'the sandbox holds the new task');
			assert.ok(tasks[0].deadline > Date.now(), 'deadline in the future (an n8n expression, converted to epoch ms)');
		},
	},
	{
		type: 'loftyMember',
		name: 'Member: Get Current User',
		parameters: { resource: 'member', operation: 'getCurrentUser' },
		expect(items) {
			assert.equal(items.length, 1);
			assert.equal(String(items[0].memberUserId), '700001', `current user is 700001: ${JSON.stringify(items[0]).slice(0, 200)}`);
		},
	},
	{
		type: 'loftyCall',
		name: 'Call: Get Many',
		parameters: { resource: 'call', operation: 'getAll', returnAll: false, limit: 3 },
		expect(items) {
			assert.equal(items.length, 3);
		},
	},
	{
		type: 'loftyCommunication',
		name: 'Communication: Emails',
		parameters: { resource: 'email', operation: 'getAll', returnAll: false, limit: 4 },
		expect(items) {
			assert.equal(items.length, 4);
		},
	},
	{
		type: 'loftyListing',
		name: 'Listing: Get Many',
		parameters: { resource: 'listing', operation: 'getAll', returnAll: true },
		expect(items, sandbox) {
			assert.equal(items.length, sandbox.fake.data.listings.length ?? sandbox.fake.data.listings.size, 'every listing (Return All)');
		},
	},
	{
		type: 'loftyLog',
		name: 'Log: Get Many',
		parameters: { resource: 'log', operation: 'getAll', returnAll: false, limit: 2 },
		expect(items) {
			assert.equal(items.length, 2);
		},
	},
	{
		type: 'loftySystemLog',
		name: 'System Log: Get Many',
		parameters: { resource: 'systemLog', operation: 'getAll', returnAll: false, limit: 7 },
		expect(items) {
			assert.equal(items.length, 7);
		},
	},
	{
		type: 'loftyTeam',
		name: 'Team: Tags',
		parameters: { resource: 'tag', operation: 'getAll', returnAll: true },
		expect(items) {
			const names = items.map((t) => t.tagName);
			assert.ok(names.includes('Hot Lead') && names.includes('Buyer'), `tags include Hot Lead and Buyer: ${names.join(', ')}`);
		},
	},
	{
		type: 'loftyLeadRouting',
		name: 'Lead Routing: Roles',
		parameters: { resource: 'role', operation: 'getAll', returnAll: true },
		expect(items) {
			assert.ok(items.length >= 1, 'at least one role');
		},
	},
	{
		type: 'loftyOrganization',
		name: 'Organization: Get',
		parameters: { resource: 'organization', operation: 'get' },
		expect(items) {
			assert.ok(items.length >= 1);
		},
	},
	{
		type: 'loftyOpportunity',
		name: 'Opportunity: Notify',
		parameters: { resource: 'opportunity', operation: 'sendNotification', leadId: String(LEAD_ID), message: 'Hot opportunity (e2e)' },
		expect(items) {
			assert.equal(items.length, 1);
		},
	},
	{
		type: 'loftyVendor',
		name: 'Vendor: Get Info',
		parameters: { resource: 'vendor', operation: 'getInfo' },
		expect(items) {
			assert.ok(items.length >= 1);
		},
	},
	{
		type: 'loftyWebhook',
		name: 'Webhook: Get Many',
		parameters: { resource: 'webhook', operation: 'getAll', returnAll: true },
		expect(items, sandbox) {
			assert.equal(items.length, sandbox.lib.webhooksOf(sandbox.fake.data).size, 'every subscription');
		},
	},
	{
		type: 'loftyAgent',
		name: 'Agent: Create',
		parameters: { resource: 'agent', operation: 'create', emailAddress: 'new.agent.e2e@example.com', firstName: 'Nova', lastName: 'Agent' },
		expect(items, sandbox) {
			assert.equal(items.length, 1);
			assert.ok(sandbox.fake.data.members.some((m) => m.email === 'new.agent.e2e@example.com'), 'the sandbox has the new agent');
		},
	},
	{
		type: 'loftyAccount',
		name: 'Account: Create',
		parameters: { resource: 'account', operation: 'create', emailAddress: 'new.account.e2e@example.com', firstName: 'Ada', lastName: 'Account' },
		expect(items) {
			assert.equal(items.length, 1);
		},
	},
	{
		type: 'loftyBroker',
		name: 'Broker: Create Team',
		parameters: { resource: 'broker', operation: 'createTeam', teamName: 'E2E Realty', email: 'broker.e2e@example.com', firstName: 'Bea' },
		expect(items) {
			assert.equal(items.length, 1);
		},
	},
];

/** Node types the triggers steps cover (they cannot run from a Manual Trigger). */
export const TRIGGER_TYPES = ['loftyTrigger', 'loftyLeadTrigger'];
