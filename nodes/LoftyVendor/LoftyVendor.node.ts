import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, nodeSubtitle, resourceProperty, withEnumChecks } from '../shared/descriptions';
import { routedOperations } from '../shared/executor';
import { loftyMethods } from '../shared/methods';
import { vendorDescription } from './resources/vendor';

export class LoftyVendor implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Vendor',
		name: 'loftyVendor',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: nodeSubtitle,
		description: 'Read the vendor details of a Lofty integration and move it from an API key to OAuth',
		defaults: { name: 'Lofty Vendor' },
		usableAsTool: true,
		properties: withEnumChecks([authenticationProperty, resourceProperty([{ name: 'Vendor', value: 'vendor' }]), ...vendorDescription, loftyRequestOptions]),
	};

	methods = loftyMethods;
	customOperations = routedOperations(this.description);
}
