/**
 * Runs real n8n nodes through n8n-core's own engine (WorkflowExecute, and RoutingNode for the declarative nodes),
 * with no server or database: the way n8n runs a workflow, minus the UI.
 */
import { clearTimeout, fs, os, path, process, setTimeout } from './support/node';

const { mkdtempSync, rmSync } = fs;
const { tmpdir } = os;
const { join } = path;

// n8n-core keeps its instance settings in a user folder: one per test file, removed after it
// (named after the run, which test/support/no-trace.js checks).
if (!process.env.N8N_USER_FOLDER) {
	const userFolder = mkdtempSync(join(tmpdir(), `lofty-n8n-${process.env.LOFTY_TEST_RUN ?? 'run'}-`));
	process.env.N8N_USER_FOLDER = userFolder;
	afterAll(() => rmSync(userFolder, { recursive: true, force: true }));
}
// n8n logs every item error it records; the tests assert them instead.
process.env.N8N_LOG_LEVEL ??= 'silent';

import { Container } from '@n8n/di';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import { Credentials, DirectoryLoader, ExecutionLifecycleHooks, LoadOptionsContext, RoutingNode, WorkflowExecute } from 'n8n-core';

import { LoftyApi } from '../credentials/LoftyApi.credentials';
import { LoftyOAuth2Api } from '../credentials/LoftyOAuth2Api.credentials';

export const PACKAGE = 'n8n-nodes-lofty';
export const INPUT_NODE = 'Input';

/** Emits the test's input items, like a trigger with pinned data. */
export class InputNode implements INodeType {
	description = {
		displayName: 'Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Test input',
		defaults: { name: INPUT_NODE },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' } as INodeProperties],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		return [items.map((json, index) => ({ json, pairedItem: { item: index } }))];
	}
}

/** n8n's server gives declarative nodes an execute() that runs RoutingNode; do the same. */
function asServerLoads(nodeType: INodeType): INodeType {
	if (nodeType.execute || nodeType.poll || nodeType.trigger || nodeType.webhook) return nodeType;
	if (!nodeType.description.requestDefaults && !nodeType.description.properties.some((p) => p.routing)) {
		return nodeType;
	}
	const wrapped = Object.create(nodeType) as INodeType;
	wrapped.execute = async function (this: IExecuteFunctions) {
		const routingNode = new RoutingNode(this as never, nodeType);
		return (await routingNode.runNode()) ?? [];
	};
	return wrapped;
}

export class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	/** `prepared`: node types by full name, taken as they are (a test's own agent or tool node). */
	constructor(nodeTypes: INodeType[], prepared: Record<string, INodeType> = {}) {
		this.types.set('testInput', new InputNode());
		for (const [name, nodeType] of Object.entries(prepared)) this.types.set(name, nodeType);
		for (const nodeType of nodeTypes) {
			// As n8n's loader does: declarative nodes get the standard "Request Options" (timeout, proxy, batching).
			DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
			this.types.set(`${PACKAGE}.${nodeType.description.name}`, asServerLoads(nodeType));
		}
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const found = this.types.get(name);
		if (!found) throw new Error(`Unknown node type ${name}`);
		return found;
	}

	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name) as INodeType;
	}

	getKnownTypes() {
		return {};
	}
}

const CREDENTIAL_TYPES: Record<string, ICredentialType> = {
	loftyApi: new LoftyApi(),
	loftyOAuth2Api: new LoftyOAuth2Api(),
};

/**
 * Stores credentials in memory and authenticates requests the way n8n's server does:
 * generic `authenticate` templates are resolved as expressions against the credential.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, ICredentialDataDecryptedObject>();

	/** How many times n8n refreshed an OAuth2 token through this helper. */
	tokenUpdates = 0;

	getParentTypes(name: string): string[] {
		return CREDENTIAL_TYPES[name]?.extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = CREDENTIAL_TYPES[typeName]?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const resolve = (value: unknown) =>
			workflow && node
				? workflow.expression.getSimpleParameterValue(
						node,
						value as string,
						'internal',
						{ $credentials: credentials },
						undefined,
						value as string,
					)
				: value;
		const headers = { ...(requestOptions.headers ?? {}) };
		for (const [key, value] of Object.entries(authenticate.properties.headers ?? {})) {
			headers[key] = resolve(value) as string;
		}
		const qs = { ...(requestOptions.qs ?? {}) };
		for (const [key, value] of Object.entries(authenticate.properties.qs ?? {})) {
			qs[key] = resolve(value) as string;
		}
		return { ...requestOptions, headers, qs };
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string) {
		const credentials = new Credentials(nodeCredentials, type);
		credentials.setData(this.data(nodeCredentials, type));
		return credentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		// n8n fills in the credential type's defaults, hidden fields included.
		const defaults: ICredentialDataDecryptedObject = {};
		for (const property of CREDENTIAL_TYPES[type]?.properties ?? []) {
			if (typeof property.default !== 'string' || !property.default.startsWith('=')) {
				defaults[property.name] = property.default as string;
			}
		}
		return { ...defaults, ...this.data(nodeCredentials, type) };
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		this.store.set(this.key(nodeCredentials, type), data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.tokenUpdates++;
		this.store.set(this.key(nodeCredentials, type), data);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return CREDENTIAL_TYPES[type]?.properties ?? [];
	}

	private key(nodeCredentials: INodeCredentialsDetails, type: string) {
		return `${type}:${nodeCredentials.id ?? nodeCredentials.name}`;
	}

	private data(nodeCredentials: INodeCredentialsDetails, type: string): ICredentialDataDecryptedObject {
		const found = this.store.get(this.key(nodeCredentials, type));
		if (!found) throw new Error(`No test credential ${type}:${nodeCredentials.id}`);
		return found;
	}
}

export interface NodeUnderTest {
	/** Node instance, e.g. new LoftyLead() */
	type: INodeType;
	parameters: INodeParameters;
	name?: string;
	continueOnFail?: boolean;
}

export interface RunInput {
	/** One node, or several run side by side from the same input. */
	nodes: NodeUnderTest | NodeUnderTest[];
	items?: IDataObject[];
	credentials: { type: 'loftyApi' | 'loftyOAuth2Api'; id?: string; data: ICredentialDataDecryptedObject };
	/** Cancel the execution after this many ms (as the Stop button does). */
	cancelAfterMs?: number;
}

export interface RunResult {
	status: IRun['status'];
	/** Output items per node name. */
	output: Record<string, INodeExecutionData[]>;
	/** Output of the first (or only) node under test. */
	items: IDataObject[];
	/** The error the run ended with, if any. */
	error?: { message: string; description?: string | null; httpCode?: string | null; itemIndex?: number; name?: string };
	run: IRun;
}

/** Builds the workflow "Input -> node(s) under test" and what n8n's server would hand the engine. */
function prepare(input: RunInput) {
	const under = Array.isArray(input.nodes) ? input.nodes : [input.nodes];
	const nodeTypes = new TestNodeTypes(under.map((n) => n.type));
	const credentialsHelper = new TestCredentialsHelper();
	const credentialId = input.credentials.id ?? 'cred1';
	credentialsHelper.store.set(`${input.credentials.type}:${credentialId}`, input.credentials.data);

	const nodes: INode[] = [
		{
			id: 'input',
			name: INPUT_NODE,
			type: 'testInput',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(input.items ?? [{}]) },
		},
		...under.map((n, index): INode => {
			const nodeTypeName = `${PACKAGE}.${n.type.description.name}`;
			const description = n.type.description;
			// n8n stores every parameter with its default filled in, as the editor saves it.
			const parameters =
				NodeHelpers.getNodeParameters(description.properties, n.parameters, true, false, null, null) ?? n.parameters;
			return {
				id: `node${index}`,
				name: n.name ?? `${description.defaults.name ?? description.displayName}${index ? ` ${index}` : ''}`,
				type: nodeTypeName,
				typeVersion: 1,
				position: [200, index * 200],
				parameters,
				continueOnFail: n.continueOnFail,
				credentials: { [input.credentials.type]: { id: credentialId, name: 'Lofty test credential' } },
			};
		}),
	];
	const connections = {
		[INPUT_NODE]: {
			main: [nodes.slice(1).map((node) => ({ node: node.name, type: 'main' as const, index: 0 }))],
		},
	};
	const workflow = new Workflow({
		id: 'wf1',
		name: 'Lofty test',
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: {},
		settings: {},
	});

	const mode: WorkflowExecuteMode = 'manual';
	return { nodes, connections, workflow, mode, additionalData: additionalDataFor(nodes, connections, mode, credentialsHelper) };
}

export function additionalDataFor(
	nodes: INode[],
	connections: IDataObject,
	mode: WorkflowExecuteMode,
	credentialsHelper: TestCredentialsHelper,
): IWorkflowExecuteAdditionalData {
	const hooks = new ExecutionLifecycleHooks(mode, 'exec1', {
		id: 'wf1',
		name: 'Lofty test',
		nodes,
		connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: {},
	} as never);
	const additionalData = {
		hooks,
		credentialsHelper,
		executeWorkflow: async () => {
			throw new Error('not supported in tests');
		},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'user1',
		variables: {},
		logAiEvent: () => {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return additionalData;
}

/** Runs a workflow "Input -> node(s) under test" through WorkflowExecute and returns what n8n recorded. */
export async function runWorkflow(input: RunInput): Promise<RunResult> {
	const { nodes, workflow, mode, additionalData } = prepare(input);
	const execution = new WorkflowExecute(additionalData, mode).run({ workflow, startNode: workflow.getNode(INPUT_NODE)! });
	const timer = input.cancelAfterMs !== undefined ? setTimeout(() => execution.cancel(), input.cancelAfterMs) : undefined;
	let run: IRun;
	try {
		run = await execution;
	} finally {
		if (timer) clearTimeout(timer);
	}

	const output: Record<string, INodeExecutionData[]> = {};
	for (const node of nodes.slice(1)) {
		const taskData = run.data.resultData.runData[node.name]?.[0];
		output[node.name] = taskData?.data?.main?.[0] ?? [];
	}
	const error = run.data.resultData.error as RunResult['error'] & { context?: { itemIndex?: number } };
	return {
		status: run.status,
		output,
		items: output[nodes[1].name].map((item) => item.json),
		error: error
			? {
					message: error.message,
					description: error.description,
					httpCode: error.httpCode,
					itemIndex: error.context?.itemIndex,
					name: error.name,
				}
			: undefined,
		run,
	};
}

/** The node's method of that kind and the context the editor calls it with, through n8n-core's LoadOptionsContext. */
function editorMethod<K extends 'loadOptions' | 'listSearch'>(input: RunInput & { method: string }, kind: K) {
	const { nodes, workflow, additionalData } = prepare(input);
	const node = nodes[1];
	const nodeType = (Array.isArray(input.nodes) ? input.nodes[0] : input.nodes).type;
	const method = nodeType.methods?.[kind]?.[input.method] as NonNullable<NonNullable<INodeType['methods']>[K]>[string] | undefined;
	if (!method) throw new Error(`No ${kind} method ${input.method}`);
	// The editor sends the node's current parameters with every dropdown request.
	additionalData.currentNodeParameters = node.parameters;
	return { method, context: new LoadOptionsContext(workflow, node, additionalData, 'parameters') };
}

/** Calls a node's loadOptions method the way the editor does. */
export async function loadOptions(input: RunInput & { method: string }) {
	const { method, context } = editorMethod(input, 'loadOptions');
	return await method.call(context);
}

/** Calls a node's listSearch method (a record picker's "From list") the way the editor does. */
export async function listSearch(input: RunInput & { method: string; filter?: string; paginationToken?: string }) {
	const { method, context } = editorMethod(input, 'listSearch');
	return await method.call(context, input.filter, input.paginationToken);
}

export { Container };
