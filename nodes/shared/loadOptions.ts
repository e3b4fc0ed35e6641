import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { idSegment } from './input';
import { extractRecords, loftyApiCallSomeItems } from './pagination';
import type { LoftyContext } from './transport';
import { loftyApiCall } from './transport';

export function ctxOf(fn: ILoadOptionsFunctions): LoftyContext {
	return fn as unknown as LoftyContext;
}

function sorted(options: INodePropertyOptions[]): INodePropertyOptions[] {
	const seen = new Set<string>();
	return options
		.filter((option) => {
			const key = String(option.value);
			if (option.value === '' || seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

export function memberName(member: IDataObject): string {
	const name = [member.firstName, member.lastName].filter(Boolean).join(' ') || String(member.name ?? '');
	const email = member.email ?? member.account;
	return name ? (email ? `${name} (${String(email)})` : name) : String(email ?? member.id ?? member.userId);
}

/**
 * The team's members for dropdowns and searches: at most MAX_PAGES_PER_DROPDOWN pages, and
 * what came before Lofty repeated itself; a picker with fewer choices harms nothing.
 */
export async function allMembers(fn: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const run = await loftyApiCallSomeItems(ctxOf(fn), { method: 'GET', url: '/v1.0/members' }, { style: 'offset', pageSize: 100, records: 'members' });
	return run.records;
}

/** Distinct values of a lead field, from the most recent leads (Lofty has no list for stages or segments). */
async function leadValues(fn: ILoadOptionsFunctions, pick: (lead: IDataObject) => unknown[]): Promise<INodePropertyOptions[]> {
	const { records: leads } = await loftyApiCallSomeItems(
		ctxOf(fn),
		{ method: 'GET', url: '/v1.0/leads' },
		{ style: 'offset', pageSize: 100, records: 'leads', unwrap: 'lead' },
		{ maxResults: 100 },
	);
	const values = leads.flatMap(pick).filter((value) => typeof value === 'string' && value !== '') as string[];
	return sorted(values.map((value) => ({ name: value, value })));
}

/** Dropdowns filled from the Lofty account, shared by every Lofty node. */
export const loftyLoadOptions = {
	/**
	 * Members by user id (UserResponse.memberUserId, "the user Id of the member"): what every
	 * field the reference calls a user or agent id takes (assignedUserId, teamMemberUserId,
	 * agentId, userId, websiteOwnerId). UserResponse.id is a separate team-member id and is never
	 * offered in its place; a member without a memberUserId is left out.
	 */
	async getMemberUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return sorted(
			(await allMembers(this))
				.filter((member) => member.memberUserId !== undefined && member.memberUserId !== null)
				.map((member) => ({ name: memberName(member), value: String(member.memberUserId) })),
		);
	},

	/** The groups (offices) the team's members belong to, from UserResponse.groupId/groupName. */
	async getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return sorted(
			(await allMembers(this))
				.filter((member) => member.groupId !== undefined && member.groupId !== null)
				.map((member) => ({ name: String(member.groupName || member.groupId), value: String(member.groupId) })),
		);
	},

	async getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const tags = extractRecords(await loftyApiCall(ctxOf(this), 'GET', '/v1.0/teamFeatures/listTag'), 'tags');
		return sorted(
			tags.map((tag) => {
				const name = String(tag.tagName ?? tag.name ?? tag.value);
				return { name, value: name };
			}),
		);
	},

	/** Lead custom fields are set by name (CustomAttribute.attributeName). */
	async getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const fields = extractRecords(await loftyApiCall(ctxOf(this), 'GET', '/v1.0/teamFeatures/listCustomField'));
		return sorted(
			fields.map((field) => {
				const name = String(field.attributeName ?? field.name ?? field.id);
				const type = field.attributeType ?? field.type;
				return { name, value: name, description: type ? `Type: ${String(type)}` : undefined };
			}),
		);
	},

	async getTransactionCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const fields = extractRecords(await loftyApiCall(ctxOf(this), 'GET', '/v1.0/transaction/customfields'));
		return sorted(
			fields.map((field) => ({
				name: String(field.name ?? field.fieldName ?? field.id),
				value: String(field.id),
				description: field.type ? `Type: ${String(field.type)}` : undefined,
			})),
		);
	},

	async getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await leadValues(this, (lead) => [lead.stage]);
	},

	async getSegments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await leadValues(this, (lead) => (Array.isArray(lead.segments) ? lead.segments : []));
	},

	/** Roles used by lead routing (AssignRole {id, name}). */
	async getRoles(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const roles = extractRecords(await loftyApiCall(ctxOf(this), 'GET', '/v1.0/routing/role/list'));
		return sorted(roles.map((role) => ({ name: String(role.name ?? role.roleName ?? role.id), value: String(role.id ?? role.roleId) })));
	},

	/** Members who can take leads of the routing type chosen in the node's "routingType" parameter. */
	async getRoutingMembers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const type = idSegment(this.getCurrentNodeParameter('routingType') ?? 1, 'Routing Type');
		const roleId = this.getCurrentNodeParameter('roleId');
		const qs: IDataObject = roleId ? { roleId } : {};
		const members = extractRecords(await loftyApiCall(ctxOf(this), 'GET', `/v1.0/routing/member/list/${type}`, { qs }));
		return sorted(members.map((member) => ({ name: memberName(member), value: String(member.id ?? member.userId) })));
	},

	/** Lead ponds (LeadPond {id, pondName}). */
	async getLeadPonds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const ponds = extractRecords(await loftyApiCall(ctxOf(this), 'GET', '/v1.0/team-features/lead-ponds'));
		return sorted(ponds.map((pond) => ({ name: String(pond.pondName ?? pond.name ?? pond.id), value: String(pond.id) })));
	},

	/** Permission profiles (PermissionProfile {id, name}). */
	async getPermissionProfiles(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const profiles = extractRecords(await loftyApiCall(ctxOf(this), 'GET', '/v1.0/org/permission/profiles'));
		return sorted(profiles.map((profile) => ({ name: String(profile.name ?? profile.id), value: String(profile.id) })));
	},
};
