import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { sendHook } from '../shared/hooks';
import { recordsOf } from '../shared/send';
import { loftyRequest } from '../shared/transport';

/** The option that outputs the tokens as Lofty sent them. */
export const SHOW_TOKENS = 'showTokens';

/** What stands for a token's hidden characters. */
const MASK = '****';
/** A token keeps its last characters as a hint only when at least 20 stay hidden. */
const HINT_LENGTH = 4;
const SHORTEST_WITH_HINT = 24;

/** token, refreshToken, accessToken, access_token, …: not tokenExpireTime. */
const isTokenKey = (key: string) => /token$/i.test(key);

/**
 * A token as the output shows it by default: "****" and its last 4 characters, enough to tell two
 * tokens apart and far too few to use one; a short token is all mask.
 */
export function maskToken(token: string): string {
	return token.length >= SHORTEST_WITH_HINT ? `${MASK}${token.slice(-HINT_LENGTH)}` : MASK;
}

/**
 * Get OAuth Token Info by Old API Key: Lofty answers a live access token and a 180-day refresh
 * token. Execution data is stored, and an AI agent's tool output goes into the model's context,
 * so both are masked unless "Show Tokens" is on.
 */
export const getOAuthTokenInfo = sendHook(async function (requestData) {
	const itemIndex = this.getItemIndex();
	const response = await loftyRequest(this, requestData.options as IHttpRequestOptions, itemIndex);
	const records = recordsOf(response.body);
	if (this.getNodeParameter(SHOW_TOKENS, false) === true) return records.map((json) => ({ json }));
	return records.map((record) => {
		const json: IDataObject = {};
		for (const [key, value] of Object.entries(record)) {
			json[key] = isTokenKey(key) && typeof value === 'string' && value !== '' ? maskToken(value) : value;
		}
		return { json };
	});
});
