/**
 * The action nodes as an AI Agent's tools, run the ways n8n 2.41 runs a tool, through n8n-core:
 * - AI Agent 3.x in a workflow hands each tool call back to the engine (an EngineRequest), and
 *   WorkflowExecute runs the tool node with the model's arguments as its `ai_tool` input;
 * - a sub-agent or the MCP Server Trigger calls the tool n8n-core's `getInputConnectionData`
 *   builds (createNodeAsTool: the `$fromAI` keys become its schema; makeHandleToolInvocation
 *   calls `nodeType.execute`).
 * Either way the node runs on `nodeType.execute`, which n8n's server assigns to RoutingNode.
 */
import { DirectoryLoader, RoutingNode, WorkflowExecute } from 'n8n-core';
import type {
	EngineRequest,
	EngineResponse,
	IConnections,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { LoftyNote } from '../nodes/LoftyNote/LoftyNote.node';
import { INPUT_NODE, PACKAGE, TestCredentialsHelper, TestNodeTypes, additionalDataFor } from './harness';
import { summary, useFakeLofty } from './support/env';

const env = useFakeLofty();
beforeAll(() => env.fake.seedLeads(230));

const AGENT = 'AI Agent';
const TOOL = 'Lofty Tool';

/**
 * n8n 2.41's rule for giving a node type RoutingNode as its `execute` (`shouldAssignExecuteMethod`
 * in the cli's utils.ts, used by its NodeTypes). Reproduced here: the n8n server is not a
 * dependency of the package, and the e2e step runs the real one.
 */
function shouldAssignExecuteMethod(nodeType: INodeType) {
	const isDeclarativeNode = nodeType.description.requestDefaults !== undefined;
	return (
		!nodeType.execute &&
		!nodeType.supplyData &&
		!nodeType.poll &&
		!nodeType.trigger &&
		(!nodeType.webhook || isDeclarativeNode) &&
		(!nodeType.methods || isDeclarativeNode)
	);
}

/**
 * The node type n8n's server hands the engine for `<package>.<name>Tool`: loaded with the
 * declarative request options, `execute` assigned as above, then the tool variant (its name
 * with "Tool", one `ai_tool` output, the Tool Description fields), as the cli's convertNodeToAiTool.
 */
function asServerLoadsTool(nodeType: INodeType): INodeType {
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
	if (shouldAssignExecuteMethod(nodeType)) {
		nodeType.execute = async function (this: IExecuteFunctions) {
			const routingNode = new RoutingNode(this as never, nodeType);
			return (await routingNode.runNode()) ?? [];
		};
	}
	const { description } = nodeType;
	const tool = Object.create(nodeType) as INodeType;
	tool.description = {
		...description,
		name: `${description.name}Tool`,
		displayName: `${description.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		usableAsTool: undefined,
		properties: [
			{
				displayName: 'Tool Description',
				name: 'descriptionType',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Set Automatically', value: 'auto' },
					{ name: 'Set Manually', value: 'manual' },
				],
				default: 'auto',
			},
			{
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: description.description,
				displayOptions: { show: { descriptionType: ['manual'] } },
			},
			...description.properties,
		],
	} as INodeTypeDescription;
	return tool;
}

/** What an agent holds of a tool (LangChain's StructuredTool, as n8n-core builds it). */
interface AgentTool {
	name: string;
	description: string;
	schema: { shape: Record<string, { description?: string }> };
	invoke(args: IDataObject): Promise<string>;
}

/**
 * Stands in for the AI Agent and its model: gets the tools from its `ai_tool` input, calls the
 * one tool with the arguments a model would choose, and outputs what the model would be given
 * back. `path` picks how the call runs: 'engine' (AI Agent 3.x) or 'toolWrapper'.
 */
class ScriptedAgent implements INodeType {
	description = {
		displayName: 'Scripted Agent',
		name: 'scriptedAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls one tool the way an AI Agent does',
		defaults: { name: AGENT },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools', required: true }],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Path', name: 'path', type: 'string', default: 'engine' },
			{ displayName: 'Arguments', name: 'toolArguments', type: 'json', default: '{}' },
		],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions, response?: EngineResponse): Promise<INodeExecutionData[][] | EngineRequest> {
		const [tool] = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as AgentTool[];
		const seen = {
			name: tool.name,
			description: tool.description,
			arguments: Object.fromEntries(Object.entries(tool.schema.shape).map(([key, schema]) => [key, schema.description])),
		};
		if (response?.actionResponses.length) {
			// The engine ran the tool node: the model gets its `ai_tool` output (or its error) as JSON.
			const [result] = response.actionResponses;
			const output = result.data.data?.[NodeConnectionTypes.AiTool]?.[0]?.map((item) => item.json);
			return [[{ json: { ...seen, observation: JSON.stringify(output ?? { error: result.data.error?.message }) } }]];
		}
		const args = JSON.parse(this.getNodeParameter('toolArguments', 0) as string) as IDataObject;
		if (this.getNodeParameter('path', 0) === 'engine') {
			return {
				actions: [
					{ actionType: 'ExecutionNodeAction', nodeName: TOOL, input: args, type: NodeConnectionTypes.AiTool, id: 'call_1', metadata: { itemIndex: 0 } },
				],
				metadata: {},
			};
		}
		try {
			return [[{ json: { ...seen, observation: await tool.invoke(args) } }]];
		} catch (error) {
			return [[{ json: { ...seen, thrown: (error as Error).message } }]];
		}
	}
}

/** The agent and the tool node, as n8n's server holds them. */
const toolNodeTypes = (tool: INodeType) =>
	new TestNodeTypes([], { scriptedAgent: new ScriptedAgent(), [`${PACKAGE}.${tool.description.name}`]: tool });

type Path = 'engine' | 'toolWrapper';

/** Runs "Input -> AI Agent" with the Lofty node as the agent's one tool; resolves what the model got. */
async function callTool(path: Path, nodeType: INodeType, parameters: INodeParameters, args: IDataObject) {
	const tool = asServerLoadsTool(nodeType);
	const credentialsHelper = new TestCredentialsHelper();
	credentialsHelper.store.set('loftyApi:cred1', { apiKey: 'test-api-key', baseUrl: env.fake.baseUrl });
	const nodes: INode[] = [
		{ id: 'input', name: INPUT_NODE, type: 'testInput', typeVersion: 1, position: [0, 0], parameters: { items: '[{}]' } },
		{
			id: 'agent',
			name: AGENT,
			type: 'scriptedAgent',
			typeVersion: 1,
			position: [200, 0],
			parameters: { path, toolArguments: JSON.stringify(args) },
		},
		{
			id: 'tool',
			name: TOOL,
			type: `${PACKAGE}.${tool.description.name}`,
			typeVersion: 1,
			position: [200, 200],
			// Saved as the editor saves a tool node: every parameter with its default filled in.
			parameters: NodeHelpers.getNodeParameters(tool.description.properties, parameters, true, false, null, null) ?? parameters,
			credentials: { loftyApi: { id: 'cred1', name: 'Lofty test credential' } },
		},
	];
	const connections: IConnections = {
		[INPUT_NODE]: { main: [[{ node: AGENT, type: NodeConnectionTypes.Main, index: 0 }]] },
		[TOOL]: { ai_tool: [[{ node: AGENT, type: NodeConnectionTypes.AiTool, index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'wf1',
		name: 'Lofty tool test',
		nodes,
		connections,
		active: false,
		nodeTypes: toolNodeTypes(tool),
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const additionalData = additionalDataFor(nodes, connections as unknown as IDataObject, 'manual', credentialsHelper);
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: workflow.getNode(INPUT_NODE)! });
	expect(run.data.resultData.error).toBeUndefined();
	const json = run.data.resultData.runData[AGENT].at(-1)?.data?.main?.[0]?.[0]?.json ?? {};
	return {
		name: json.name,
		description: json.description,
		arguments: json.arguments,
		/** The tool's answer, parsed from the JSON string the model receives. */
		observation: typeof json.observation === 'string' ? (JSON.parse(json.observation) as unknown) : undefined,
		thrown: json.thrown as string | undefined,
	};
}

const PATHS: Array<[string, Path]> = [
	['AI Agent 3.x in a workflow (the engine runs the tool node)', 'engine'],
	["n8n-core's tool wrapper (sub-agents, MCP Server Trigger)", 'toolWrapper'],
];

/** "Lead ID" filled by the model: a string key, so a bad value reaches the node's own check. */
const leadIdFromAi = "={{ $fromAI('leadId', 'The Lofty lead ID, digits only', 'string') }}";

describe.each(PATHS)('Lofty nodes as AI Agent tools: %s', (_title, path) => {
	it('Lofty Note › Create: the $fromAI fields are filled from the model, the note is sent once, the model gets its noteId', async () => {
		const result = await callTool(
			path,
			new LoftyNote(),
			{ resource: 'note', operation: 'create', leadId: leadIdFromAi, content: "={{ $fromAI('content', 'The text of the note', 'string') }}" },
			{ leadId: '1000003', content: 'Asked for a showing on Saturday' },
		);
		expect(env.apiRequests().map(summary)).toEqual([
			{ method: 'POST', path: '/v1.0/notes', query: {}, body: { leadId: 1000003, content: 'Asked for a showing on Saturday' } },
		]);
		expect(result.name).toBe('Lofty_Tool');
		expect(result.description).toBe('Create a note in Lofty Note');
		expect(result.arguments).toEqual({ leadId: 'The Lofty lead ID, digits only', content: 'The text of the note' });
		expect(result.observation).toEqual([{ noteId: expect.stringMatching(/^\d+$/) }]);
		const [{ noteId }] = result.observation as IDataObject[];
		expect(env.fake.data.notes.find((note) => note.id === Number(noteId))).toMatchObject({ leadId: 1000003, content: 'Asked for a showing on Saturday' });
	});

	it('Lofty Lead › Get: the lead id from the model goes into the path, the model gets the lead', async () => {
		const result = await callTool(path, new LoftyLead(), { resource: 'lead', operation: 'get', leadId: leadIdFromAi }, { leadId: '1000007' });
		expect(env.apiRequests().map(summary)).toEqual([{ method: 'GET', path: '/v1.0/leads/1000007', query: { withTrash: 'false' }, body: undefined }]);
		expect(result.observation).toEqual([expect.objectContaining({ leadId: 1000007, emails: ['lead7@example.com'] })]);
	});

	it('Lofty Lead › Get Many with a Limit from the model: one page of that size, that many leads', async () => {
		const result = await callTool(
			path,
			new LoftyLead(),
			{ resource: 'lead', operation: 'getAll', returnAll: false, limit: "={{ $fromAI('limit', 'How many leads to return', 'number') }}" },
			{ limit: 4 },
		);
		expect(env.apiRequests().map(summary)).toEqual([{ method: 'GET', path: '/v1.0/leads', query: { limit: '4' }, body: undefined }]);
		expect(result.arguments).toEqual({ limit: 'How many leads to return' });
		expect(result.observation).toHaveLength(4);
		expect(new Set((result.observation as IDataObject[]).map((lead) => lead.leadId)).size).toBe(4);
	});

	it('Lofty Lead › Get Many with Return All: every page, every lead once', async () => {
		const result = await callTool(path, new LoftyLead(), { resource: 'lead', operation: 'getAll', returnAll: true }, {});
		const live = [...env.fake.data.leads.values()].filter((lead) => !lead.deleted).length;
		const requests = env.apiRequests();
		expect(requests.map((request) => request.query.limit)).toEqual(['100', '100', '100']);
		expect(requests.slice(1).every((request) => typeof request.query.scrollId === 'string')).toBe(true);
		expect(live).toBeGreaterThan(200);
		expect(result.observation).toHaveLength(live);
		expect(new Set((result.observation as IDataObject[]).map((lead) => lead.leadId)).size).toBe(live);
	});

	it('a bad lead id from the model for Lofty Lead › Get comes back to it as a clear error, and nothing is sent', async () => {
		const result = await callTool(path, new LoftyLead(), { resource: 'lead', operation: 'get', leadId: leadIdFromAi }, { leadId: '../members' });
		expect(env.apiRequests()).toEqual([]);
		const message = '"Lead ID" must be a numeric Lofty ID, got "../members"';
		if (path === 'engine') expect(result.observation).toEqual([{ error: message }]);
		else expect(result.thrown).toContain(message);
	});

	it('a bad argument from the model comes back to it as a clear error naming the field, and nothing is sent', async () => {
		const result = await callTool(
			path,
			new LoftyNote(),
			{ resource: 'note', operation: 'create', leadId: leadIdFromAi, content: "={{ $fromAI('content', 'The text of the note', 'string') }}" },
			{ leadId: 'abc', content: 'Hello' },
		);
		expect(env.apiRequests()).toEqual([]);
		const message = '"Lead ID" must be a numeric Lofty ID, got "abc"';
		if (path === 'engine') expect(result.observation).toEqual([{ error: message }]);
		else expect(result.thrown).toContain(message);
	});
});
