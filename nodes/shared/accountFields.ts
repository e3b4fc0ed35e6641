import type { INodeProperties } from 'n8n-workflow';

import { accountOption } from './fields';
import { sendList, sendRows } from './routing';

/**
 * Fields that AccountRequest (Lofty Account) and AgentProfile/AccountInfo (Lofty Agent) share.
 * Each takes the body path it is sent to.
 */

/** SocialMedias (6.70): {items: Item[]}, each Item {name, type, value}. */
export function socialMediaProperty(property: string): INodeProperties {
	return {
		displayName: 'Social Media',
		name: 'socialMedias',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Social Media',
		description: 'Social media profiles of the agent',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'Facebook',
						description: 'Label of the profile',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'string',
						default: '',
						placeholder: 'facebook',
						description: 'Kind of social media, as Lofty names it',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'https://www.facebook.com/jane.agent',
						description: 'Profile URL or handle',
					},
				],
			},
		],
		routing: sendRows('body', property, 'item'),
	};
}

/** A `< string > array` of permissions, typed as a comma-separated list. */
export function permissionsField(property: string): INodeProperties {
	return {
		displayName: 'Permissions',
		name: 'permissions',
		type: 'string',
		default: '',
		description: 'Comma-separated permissions of the account, as Lofty names them',
		routing: sendList('body', property),
	};
}

/** groupId: the group (office) the agent joins. */
export function groupField(property: string): INodeProperties {
	return accountOption({
		displayName: 'Group Name or ID',
		name: 'groupId',
		loadOptionsMethod: 'getGroups',
		description: 'Group (office) the agent belongs to.',
		routing: { send: { type: 'body', property } },
	});
}
