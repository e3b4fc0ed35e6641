// Issue 21, item 5: the Lofty nodes as an AI Agent's tools in n8n 2.41.1. Two AI Agents (3.1)
// run from one Manual Trigger (`n8n execute`), each with an OpenAI Chat Model (1.3, Chat
// Completions) whose credential's Base URL is a scripted model on loopback, and a Lofty tool
// node whose fields are filled by `$fromAI`. The model calls the tool once, then answers with
// what the tool gave it. One agent adds a note (the sandbox gets exactly that request, the model
// the new noteId); the other asks for lead "abc" (the model gets the node's error naming
// "Lead ID", the sandbox gets nothing).

import assert from 'node:assert/strict';

import { nodeError, nodeOutput } from '../../../scripts/lib/n8n.mjs';
import { startScriptedModel } from '../openai-fake.mjs';
import { connect, connectSubNode, langchainNode, loftyNode, manualTrigger, workflow } from '../workflows.mjs';

const WORKFLOW_ID = 'e2eAiAgentTools';
const MODEL_CREDENTIAL = { id: 'openAiE2eScripted', name: 'Scripted model (e2e)' };
const MODEL = 'gpt-scripted';

/** n8n names a node's tool after the node: anything but letters, digits, _ and - becomes _. */
const toolName = (nodeName) => nodeName.replace(/[^a-zA-Z0-9_-]+/g, '_');

function scenarios(leadIdBase) {
	const leadId = String(leadIdBase + 3);
	return [
		{
			agent: 'Agent: add a note',
			tool: 'Lofty Note Create',
			toolType: 'loftyNoteTool',
			parameters: {
				resource: 'note',
				operation: 'create',
				leadId: "={{ $fromAI('leadId', 'The Lofty lead ID, digits only', 'string') }}",
				content: "={{ $fromAI('content', 'The text of the note', 'string') }}",
			},
			prompt: `Add a note to lead ${leadId}: asked for a showing on Saturday`,
			callId: 'call_note_1',
			arguments: { leadId, content: 'Asked for a showing on Saturday' },
		},
		{
			agent: 'Agent: bad lead id',
			tool: 'Lofty Lead Get',
			toolType: 'loftyLeadTool',
			parameters: { resource: 'lead', operation: 'get', leadId: "={{ $fromAI('leadId', 'The Lofty lead ID, digits only', 'string') }}" },
			prompt: 'Look up the lead abc',
			callId: 'call_lead_1',
			arguments: { leadId: 'abc' },
		},
	];
}

function text(content) {
	return Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : String(content ?? '');
}

/** The model: a tool call for the scenario's prompt, then "Tool result: <what the tool returned>". */
function script(cases) {
	return (body) => {
		const prompt = text(body.messages?.find((m) => m.role === 'user')?.content);
		const scenario = cases.find((c) => prompt.includes(c.prompt));
		if (!scenario) return { text: `no scenario for the prompt "${prompt}"` };
		const result = body.messages.find((m) => m.role === 'tool' && m.tool_call_id === scenario.callId);
		if (result) return { text: `Tool result: ${text(result.content)}` };
		const name = toolName(scenario.tool);
		if (!body.tools?.some((t) => t.function?.name === name)) return { text: `no tool named ${name} was offered` };
		return { toolCall: { id: scenario.callId, name, arguments: scenario.arguments } };
	};
}

function agentWorkflow(cases) {
	const start = manualTrigger();
	const nodes = [start];
	const connections = {};
	cases.forEach((c, index) => {
		const y = index * 400;
		const agent = langchainNode(c.agent, 'agent', { promptType: 'define', text: c.prompt, options: {} }, [300, y], 3.1);
		const model = langchainNode(
			`Model: ${c.agent.slice('Agent: '.length)}`,
			'lmChatOpenAi',
			{ model: { __rl: true, mode: 'id', value: MODEL }, responsesApiEnabled: false, options: {} },
			[200, y + 200],
			1.3,
		);
		model.credentials = { openAiApi: MODEL_CREDENTIAL };
		const tool = loftyNode(c.tool, c.toolType, c.parameters, [450, y + 200]);
		nodes.push(agent, model, tool);
		connect(connections, start.name, agent.name);
		connectSubNode(connections, model.name, agent.name, 'ai_languageModel');
		connectSubNode(connections, tool.name, agent.name, 'ai_tool');
	});
	return workflow({ id: WORKFLOW_ID, name: 'e2e: Lofty nodes as AI Agent tools', nodes, connections });
}

/** The chat completion requests the model got for a scenario, in order. */
const requestsFor = (model, scenario) =>
	model.requests.filter((r) => r.path === '/v1/chat/completions' && text(r.body?.messages?.find((m) => m.role === 'user')?.content).includes(scenario.prompt));

const toolMessage = (request, scenario) => request?.body?.messages?.find((m) => m.role === 'tool' && m.tool_call_id === scenario.callId);

export async function aiAgentStep(ctx) {
	const sandbox = await ctx.sandbox('main');
	const cases = scenarios(sandbox.lib.LEAD_ID_BASE);
	const [note, badLead] = cases;
	const model = await startScriptedModel(script(cases));
	try {
		const n8n = await ctx.instance('2.41.1', { name: '2.41.1-ai-agent' });
		await n8n.importCredentials([{ ...MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-e2e-scripted', url: model.baseUrl } }]);
		await n8n.importWorkflows([agentWorkflow(cases)]);

		const before = sandbox.fake.requests.length;
		const notesBefore = sandbox.fake.data.notes.length;
		const result = await n8n.execute(WORKFLOW_ID);
		assert.ok(result.run, `n8n execute printed no run data (exit ${result.code}):\n${result.output.slice(-3000)}`);
		ctx.note(`n8n execute: ${result.seconds.toFixed(1)} s (CLI start included), ${model.requests.length} requests to the scripted model`);
		for (const c of cases) assert.ok(!nodeError(result.run.data, c.agent), `${c.agent}: ${nodeError(result.run.data, c.agent)}`);

		// The sandbox received exactly the note, and nothing for lead "abc".
		const received = sandbox.fake.requests.slice(before).filter((r) => r.path.startsWith('/v1.0'));
		assert.deepEqual(
			received.map((r) => ({ method: r.method, path: r.path, query: r.query, body: r.body })),
			[{ method: 'POST', path: '/v1.0/notes', query: {}, body: { leadId: Number(note.arguments.leadId), content: note.arguments.content } }],
			'the sandbox received the one note and nothing else',
		);
		const created = sandbox.fake.data.notes.slice(notesBefore);
		assert.equal(created.length, 1, 'one note added');
		assert.deepEqual({ leadId: created[0].leadId, content: created[0].content }, { leadId: Number(note.arguments.leadId), content: note.arguments.content });

		// What the model saw: the tool, named after its node, with the $fromAI keys as its arguments.
		const [noteCall, noteAnswer, ...noteExtra] = requestsFor(model, note);
		assert.equal(noteExtra.length, 0, `two completions for the note, got ${2 + noteExtra.length}`);
		const offered = noteCall.body.tools.find((t) => t.function.name === toolName(note.tool));
		assert.deepEqual(Object.keys(offered.function.parameters.properties).sort(), ['content', 'leadId'], 'the $fromAI keys are the tool arguments');
		assert.equal(offered.function.description, 'Create a note in Lofty Note');

		// The model received the result: the new note's id.
		const noteResult = JSON.parse(text(toolMessage(noteAnswer, note)?.content ?? 'null'));
		assert.deepEqual(noteResult, [{ noteId: String(created[0].id) }], 'the model got the noteId');
		const [noteOutput] = nodeOutput(result.run.data, note.agent) ?? [];
		assert.match(String(noteOutput?.output), new RegExp(`Tool result: .*${created[0].id}`), 'the agent answered with the model\'s final text');

		// The bad argument came back to the model as the node's error naming the field.
		const [badCall, badAnswer, ...badExtra] = requestsFor(model, badLead);
		assert.ok(badCall && badAnswer && !badExtra.length, `two completions for the bad lead id, got ${requestsFor(model, badLead).length}`);
		const badResult = JSON.parse(text(toolMessage(badAnswer, badLead)?.content ?? 'null'));
		assert.deepEqual(badResult, [{ error: '"Lead ID" must be a numeric Lofty ID, got "abc"' }], 'the model got the error');
		ctx.note(`note tool: POST /v1.0/notes once, the model got ${JSON.stringify(noteResult)}; lead "abc": nothing sent, the model got ${JSON.stringify(badResult)}`);
	} finally {
		await model.stop();
	}
}
