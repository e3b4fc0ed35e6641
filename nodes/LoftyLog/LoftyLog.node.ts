import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { logDescription } from './resources/log';

export class LoftyLog implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Log',
		name: 'loftyLog',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: 'Log calls, emails and texts on leads in Lofty',
		defaults: { name: 'Lofty Log' },
		usableAsTool: true,
		properties: withEnumChecks([authenticationProperty, resourceProperty([{ name: 'Log', value: 'log' }]), ...logDescription, loftyRequestOptions]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
