import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { preSend } from '../shared/hooks';

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/**
 * Description and link show on the notification only when both are filled, so the form
 * takes them as one pair and refuses to send half of it.
 */
export const applyDetailLink = preSend(async function (requestOptions) {
	const pair = this.getNodeParameter('additionalFields.detailLink.details', null) as IDataObject | null;
	if (!pair) return requestOptions;
	const description = text(pair.description);
	const link = text(pair.link);
	if (description === '' && link === '') return requestOptions;
	if (description === '' || link === '') {
		throw new NodeOperationError(
			this.getNode(),
			`"${description === '' ? 'Link Text' : 'Link URL'}" is required when the notification carries a link`,
			{
				itemIndex: this.getItemIndex(),
				description: 'Lofty shows the link only when both its text and its URL are given. Nothing was sent to Lofty.',
			},
		);
	}
	if (!/^https?:\/\/\S+$/i.test(link)) {
		throw new NodeOperationError(this.getNode(), `"Link URL" must be an http(s) URL, got "${link}"`, {
			itemIndex: this.getItemIndex(),
			description: 'Nothing was sent to Lofty.',
		});
	}
	requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), description, link };
	return requestOptions;
});
