import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loftyLoadOptions } from '../shared/loadOptions';
import type { PagingOptions } from '../shared/pagination';
import { loftyApiCallAllItems } from '../shared/pagination';
import type { LoftyContext } from '../shared/transport';

const memberPages: PagingOptions = { style: 'offset', pageSize: 100, records: 'members' };

async function allMembers(fn: ILoadOptionsFunctions): Promise<IDataObject[]> {
	return await loftyApiCallAllItems(fn as unknown as LoftyContext, { method: 'GET', url: '/v1.0/members' }, memberPages);
}

function byName(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Dropdowns of the member, account and agent nodes: the shared ones plus
 * groups (offices) and members keyed by their user id.
 */
export const memberLoadOptions = {
	...loftyLoadOptions,

	/** The groups (offices) the team's members belong to, from UserResponse.groupId/groupName. */
	async getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const groups = new Map<string, string>();
		for (const member of await allMembers(this)) {
			if (member.groupId === undefined || member.groupId === null) continue;
			const id = String(member.groupId);
			if (!groups.has(id)) groups.set(id, String(member.groupName || id));
		}
		return byName([...groups].map(([value, name]) => ({ name, value })));
	},

	/**
	 * Members by user id (UserResponse.memberUserId), which /v1.0/users/{userId} and
	 * AccountRequest.teamMemberUserId take; UserResponse.id may be a separate team-member id.
	 */
	async getMemberUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const seen = new Set<string>();
		const options: INodePropertyOptions[] = [];
		for (const member of await allMembers(this)) {
			const id = member.memberUserId ?? member.id;
			if (id === undefined || id === null || seen.has(String(id))) continue;
			seen.add(String(id));
			const name = [member.firstName, member.lastName].filter(Boolean).join(' ') || String(id);
			options.push({ name: member.email ? `${name} (${String(member.email)})` : name, value: String(id) });
		}
		return byName(options);
	},
};

export const memberMethods = {
	loadOptions: memberLoadOptions,
};
