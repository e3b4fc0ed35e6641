import type { INodeProperties } from 'n8n-workflow';

import { additionalBody } from '../../../shared/descriptions';

export const RESOURCE = 'rule';

/** Lofty's code for the assignment method, typed in (the reference lists no codes); sent as a number. */
export const strategyTypeField: INodeProperties = {
	displayName: 'Strategy Type',
	name: 'strategyType',
	type: 'string',
	required: true,
	default: '',
	placeholder: '1',
	description:
		'Lofty’s whole-number code for the assignment method (Round Robin, Next Up, Blast Alert, Lead Pond, Default Assignee, …). The API reference does not list the codes: copy the code of a rule set up that way in Lofty from Get Many or Get Default.',
};

/** Both updates' Additional Body (JSON). It goes in after compactBody, so an empty value typed there (e.g. "tagNames": []) still reaches Lofty. */
export const RULE_JSON = 'ruleJson';
export const ruleJson = additionalBody(RULE_JSON);
