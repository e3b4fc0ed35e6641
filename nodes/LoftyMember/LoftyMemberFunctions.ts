import type { IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sendHook } from '../shared/hooks';
import { recordsOf } from '../shared/send';
import { loftyRequest } from '../shared/transport';

/** Get by Account: the member object, whether Lofty sends it as JSON or as JSON text. */
export const getMemberByAccount = sendHook(async function (requestData) {
	const itemIndex = this.getItemIndex();
	const response = await loftyRequest(this, requestData.options as IHttpRequestOptions, itemIndex);
	const body = response.body;
	if (body === undefined || body === null || (typeof body === 'string' && body.trim() === '')) {
		const account = String(this.getNodeParameter('account', '')).trim();
		throw new NodeOperationError(this.getNode(), `Lofty found no member with the account "${account}"`, {
			itemIndex,
			description: 'Lofty answered without a member. Check the email address of the account.',
		});
	}
	return recordsOf(body).map((json) => ({ json }));
});
