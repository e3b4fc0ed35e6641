import type { INodeProperties } from 'n8n-workflow';

import { accountOption } from '../../../shared/fields';
import { checkParameters } from '../../../shared/input';

export const RESOURCE = 'member';

/** /v1.0/users/{userId}: the member picked by user id (Get by ID and Update). */
export const USER_PATH = '/v1.0/users/{userId}';

export const checkUserId = checkParameters([{ parameter: 'userId', label: 'Member', check: 'id' }]);

export const userIdField = (description: string): INodeProperties =>
	accountOption({ displayName: 'Member Name or ID', name: 'userId', loadOptionsMethod: 'getMemberUsers', description, required: true });
