/**
 * Runs trigger nodes the way n8n's server does: webhook lifecycle methods through n8n-core's
 * HookContext (activation = checkExists, then create when missing; deactivation = delete),
 * deliveries through WebhookContext behind a real HTTP endpoint, polls through PollContext.
 * Static data is copied on "restart", as n8n persists it in its database.
 */
import type { AddressInfo, HttpServer, IncomingMessage, ServerResponse } from './node';
import { http } from './node';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { HookContext, PollContext, WebhookContext } from 'n8n-core';

import { PACKAGE, TestCredentialsHelper, TestNodeTypes, additionalDataFor } from '../harness';

export interface TriggerOptions {
	type: INodeType;
	parameters: INodeParameters;
	credentials: { type: 'loftyApi' | 'loftyOAuth2Api'; data: ICredentialDataDecryptedObject };
	/** Workflow id; n8n keeps static data only for short ids. */
	workflowId?: string;
	/** false: deliveries come without req.rawBody, only n8n's parsed body. */
	rawBody?: boolean;
}

export class TriggerHarness {
	/** Items of every execution a delivery started. */
	readonly executions: IDataObject[][] = [];

	/** HTTP status n8n's endpoint answered to each delivery. */
	readonly deliveries: number[] = [];

	/** Deliveries whose webhook() has not returned yet (it may go on after the answer). */
	private readonly handling = new Set<Promise<void>>();

	private staticData: IDataObject = {};

	private workflow!: Workflow;

	private node!: INode;

	private server?: HttpServer;

	private webhookBaseUrl = 'http://127.0.0.1:1/webhook';

	private readonly credentialsHelper = new TestCredentialsHelper();

	constructor(private readonly options: TriggerOptions) {
		this.credentialsHelper.store.set(`${options.credentials.type}:cred1`, options.credentials.data);
		this.build();
	}

	/** Starts n8n's side: an HTTP endpoint that hands deliveries to the node's webhook(). */
	async start(): Promise<void> {
		this.server = http.createServer((req, res) => {
			const handled = this.handle(req, res).finally(() => this.handling.delete(handled));
			this.handling.add(handled);
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.webhookBaseUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/webhook`;
		this.build();
	}

	/** Waits until every delivery received so far has run its webhook() to the end. */
	async settled(): Promise<void> {
		while (this.handling.size > 0) await Promise.all([...this.handling]);
	}

	async stop(): Promise<void> {
		await this.settled();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	/** The URL n8n registers for the trigger (without any secret). */
	webhookUrl(): string {
		return `${this.webhookBaseUrl}/${this.node.webhookId}/webhook`;
	}

	get nodeStaticData(): IDataObject {
		return (this.staticData[`node:${this.node.name}`] ?? {}) as IDataObject;
	}

	/** n8n restarted: a new Workflow object with the static data it had saved. */
	restart(): void {
		this.staticData = JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
		this.build();
	}

	/** Forgets the static data, as when it was lost (e.g. a long workflow id in old n8n versions). */
	loseStaticData(): void {
		this.staticData = {};
		this.build();
	}

	async hook(method: 'checkExists' | 'create' | 'delete', activation: WorkflowActivateMode = 'activate'): Promise<boolean> {
		const webhookData = this.webhookData();
		const context = new HookContext(this.workflow, this.node, webhookData.workflowExecuteAdditionalData, 'trigger', activation, webhookData);
		const result = await this.options.type.webhookMethods!.default![method].call(context);
		// n8n saves static data after hooks run.
		this.staticData = this.workflow.staticData;
		return result as boolean;
	}

	/** Activation as n8n does it. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		if (!(await this.hook('checkExists', activation))) await this.hook('create', activation);
	}

	async deactivate(): Promise<void> {
		await this.hook('delete');
	}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<INodeExecutionData[][] | null> {
		const additionalData = this.additionalData();
		const context = new PollContext(this.workflow, this.node, additionalData, mode, 'activate');
		const result = await this.options.type.poll!.call(context);
		this.staticData = this.workflow.staticData;
		return result;
	}

	private webhookData(): IWebhookData {
		const description = this.options.type.description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: NodeHelpers.getNodeWebhookPath(this.workflow.id, this.node, String(description.path)),
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
			webhookId: this.node.webhookId,
		};
	}

	private additionalData() {
		const data = additionalDataFor([this.node], {}, 'trigger', this.credentialsHelper) as unknown as IDataObject;
		data.webhookBaseUrl = this.webhookBaseUrl;
		return data as never;
	}

	private build(): void {
		const description = this.options.type.description;
		this.node = {
			id: 'trigger',
			name: description.defaults.name ?? description.displayName,
			type: `${PACKAGE}.${description.name}`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: 'a1b2c3d4-0000-4000-8000-00000000abcd',
			parameters:
				NodeHelpers.getNodeParameters(description.properties, this.options.parameters, true, false, null, null) ??
				this.options.parameters,
			credentials: { [this.options.credentials.type]: { id: 'cred1', name: 'Lofty' } },
		};
		this.workflow = new Workflow({
			id: this.options.workflowId ?? 'wfTrig1',
			name: 'Trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: new TestNodeTypes([this.options.type]),
			staticData: this.staticData,
			settings: {},
		});
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		// n8n keeps the bytes as req.rawBody and hands webhook() JSON.parse's reading of them.
		const rawBody = Buffer.concat(chunks);
		const raw = rawBody.toString('utf8');
		let body: unknown = {};
		try {
			body = raw ? JSON.parse(raw) : {};
		} catch {
			body = raw;
		}
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		let status = 200;
		let sent = false;
		const response = {
			status(code: number) {
				status = code;
				return response;
			},
			json(payload: unknown) {
				sent = true;
				res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload));
				return response;
			},
			send(payload: unknown) {
				sent = true;
				res.writeHead(status).end(String(payload ?? ''));
				return response;
			},
			end() {
				sent = true;
				res.writeHead(status).end();
				return response;
			},
		};
		const additionalData = this.additionalData() as unknown as IDataObject;
		additionalData.httpRequest = { body, rawBody: this.options.rawBody === false ? undefined : rawBody, query: Object.fromEntries(url.searchParams), headers: req.headers, method: req.method };
		additionalData.httpResponse = response;
		try {
			const context = new WebhookContext(this.workflow, this.node, additionalData as never, 'webhook', this.webhookData(), [], null);
			const result = await this.options.type.webhook!.call(context);
			if (result.workflowData) this.executions.push(result.workflowData[0].map((item) => item.json));
			if (!result.noWebhookResponse && !sent) response.status(200).json({ message: 'Workflow was started' });
		} catch (error) {
			if (!sent) response.status(500).json({ message: (error as Error).message });
		}
		this.deliveries.push(status);
	}
}
