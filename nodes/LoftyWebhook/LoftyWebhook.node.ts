import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { webhookMethods } from './LoftyWebhookFunctions';
import { webhookDescription } from './resources/webhook';

export class LoftyWebhook implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Webhook',
		name: 'loftyWebhook',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: "Create, list and delete the team's Lofty webhook subscriptions",
		defaults: { name: 'Lofty Webhook' },
		usableAsTool: true,
		properties: withEnumChecks([authenticationProperty, resourceProperty([{ name: 'Webhook', value: 'webhook' }]), ...webhookDescription, loftyRequestOptions]),
	};

	methods = webhookMethods;
	customOperations = routedOperations(this.description);
}
