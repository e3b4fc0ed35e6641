import type { INodeProperties } from 'n8n-workflow';

import type { FieldRule } from '../../../shared/input';
import { recordPicker } from '../../../shared/picker';

export const RESOURCE = 'member';

/** /v1.0/users/{userId}: the member picked by user id (Get by ID and Update). */
export const USER_PATH = '/v1.0/users/{userId}';

export const userIdRule: FieldRule = { at: 'userId', label: 'Member', check: 'id' };

export const userIdField = (description: string): INodeProperties =>
	recordPicker({ kind: 'member', name: 'userId', displayName: 'Member', description: `${description} Its user ID (memberUserId).` });
