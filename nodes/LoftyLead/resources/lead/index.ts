import { resourceOperations } from '../../../shared/operations';
import { addInquiry } from './addInquiry';
import { addProperty } from './addProperty';
import { assign } from './assign';
import { create } from './create';
import { createOrUpdate } from './createOrUpdate';
import { remove } from './delete';
import { findAssignee } from './findAssignee';
import { get } from './get';
import { getAll } from './getAll';
import { getAllByCreateTime } from './getAllByCreateTime';
import { getAllByUpdateTime } from './getAllByUpdateTime';
import { getLoginLink } from './getLoginLink';
import { RESOURCE } from './shared';
import { update } from './update';

export const leadDescription = resourceOperations(
	RESOURCE,
	[
		assign,
		create,
		createOrUpdate,
		remove,
		findAssignee,
		get,
		getLoginLink,
		getAll,
		getAllByCreateTime,
		getAllByUpdateTime,
		addInquiry,
		addProperty,
		update,
	],
	'create',
);
