import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { authenticationProperty, loftyNodeBase, loftyRequestOptions, resourceProperty, operationSubtitle, withEnumChecks } from '../shared/descriptions';
import { loftyMethods } from '../shared/methods';
import { noteDescription } from './resources/note';

const properties: INodeProperties[] = withEnumChecks([
	authenticationProperty,
	resourceProperty([{ name: 'Note', value: 'note' }], 'note'),
	...noteDescription,
	loftyRequestOptions,
]);

export class LoftyNote implements INodeType {
	description: INodeTypeDescription = {
		...loftyNodeBase,
		displayName: 'Lofty Note',
		name: 'loftyNote',
		icon: { light: 'file:../../icons/lofty.svg', dark: 'file:../../icons/lofty.dark.svg' },
		subtitle: operationSubtitle(properties),
		description: 'Add, get, edit and delete the notes of leads in Lofty',
		defaults: { name: 'Lofty Note' },
		usableAsTool: true,
		properties,
	};

	methods = loftyMethods;
}
