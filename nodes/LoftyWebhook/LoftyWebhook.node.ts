import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { webhookMethods } from './LoftyWebhookFunctions';
import { webhookDescription } from './resources/webhook';

const properties: INodeProperties[] = withEnumChecks([authenticationProperty, resourceProperty([{ name: 'Webhook', value: 'webhook' }]), ...webhookDescription, loftyRequestOptions]);

export class LoftyWebhook implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Webhook',
		name: 'loftyWebhook',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: "Create, list and delete the team's Lofty webhook subscriptions",
		defaults: { name: 'Lofty Webhook' },
		usableAsTool: true,
		properties,
	};

	methods = webhookMethods;
}
