import {
	CURRENT_USER_ID,
	FakeLofty,
	FakeLoftyOptions,
	LEAD_ID_BASE,
	MINUTE_MS,
	RANGE_TOO_LONG_MESSAGE,
	ResetStyle,
	SEED_BASE_TIME,
	seededLeadEmail,
	seededLeadPhone,
	toUtcMinus7,
} from './index';
import { setTimeout } from '../support/node';

const TOKEN = 'token test-api-key';

interface Answer {
	status: number;
	headers: Headers;
	/** As JSON.parse gives it: the assertions read into it freely. */
	body: ReturnType<typeof JSON.parse>;
	text: string;
}

async function call(
	fake: FakeLofty,
	method: string,
	path: string,
	opts: { body?: unknown; rawBody?: string; auth?: string | null; contentType?: string; signal?: AbortSignal } = {},
): Promise<Answer> {
	const headers: Record<string, string> = {};
	const auth = opts.auth === undefined ? TOKEN : opts.auth;
	if (auth !== null) headers.Authorization = auth;
	let payload: string | undefined;
	if (opts.rawBody !== undefined) payload = opts.rawBody;
	else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
	if (payload !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
	const res = await fetch(fake.baseUrl + path, { method, headers, body: payload, signal: opts.signal });
	const text = await res.text();
	let body: unknown = text;
	try {
		body = text === '' ? undefined : JSON.parse(text);
	} catch {
		// keep text
	}
	return { status: res.status, headers: res.headers, body, text };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withFake<T>(options: FakeLoftyOptions, fn: (fake: FakeLofty) => Promise<T>): Promise<T> {
	const fake = new FakeLofty(options);
	await fake.start();
	try {
		return await fn(fake);
	} finally {
		await fake.stop();
	}
}

describe('FakeLofty', () => {
	let fake: FakeLofty;

	beforeEach(async () => {
		fake = new FakeLofty();
		await fake.start();
	});

	afterEach(async () => {
		await fake.stop();
	});

	describe('authentication', () => {
		it('accepts `token <apiKey>` and `Bearer <accessToken>`', async () => {
			const a = await call(fake, 'GET', '/v1.0/me');
			expect(a.status).toBe(200);
			expect(a.body).toMatchObject({ memberUserId: CURRENT_USER_ID, email: 'alex.morgan@example.com', isAdmin: true });
			const b = await call(fake, 'GET', '/v1.0/me?vendorKey=abc', { auth: 'Bearer test-access-token' });
			expect(b.status).toBe(200);
			expect(b.body.memberUserId).toBe(CURRENT_USER_ID);
		});

		it('answers Bearer <apiKey> with 400 / 200058 and other credentials with 401, without rate-limit headers', async () => {
			const a = await call(fake, 'GET', '/v1.0/me', { auth: 'Bearer test-api-key' });
			expect(a.status).toBe(400);
			expect(a.body).toEqual({ code: 200058, message: 'User in token does not exist.' });
			expect(a.headers.get('x-ratelimit-limit')).toBeNull();
			for (const auth of [null, 'token wrong', 'Bearer wrong', 'token test-access-token', 'Basic abc']) {
				const r = await call(fake, 'GET', '/v1.0/me', { auth });
				expect(r.status).toBe(401);
				expect(r.body).toEqual({ code: 401, message: 'Unauthorized' });
			}
		});

		it('OAuth token endpoint: refresh rotates the accepted access token, bad client is invalid_client', async () => {
			const basic = 'Basic ' + Buffer.from('test-client-id:test-client-secret').toString('base64');
			const form = 'application/x-www-form-urlencoded';
			const refreshed = await call(fake, 'POST', '/api/user-web/oauth/token', {
				auth: basic,
				rawBody: 'grant_type=refresh_token&refresh_token=test-refresh-token',
				contentType: form,
			});
			expect(refreshed.status).toBe(200);
			expect(refreshed.body.access_token).toBe('test-access-token-2');
			expect(refreshed.body).toEqual({
				access_token: expect.any(String),
				refresh_token: 'test-refresh-token',
				token_type: 'bearer',
				expires_in: 3600,
				scope: 'openApi',
			});
			expect((await call(fake, 'GET', '/v1.0/me', { auth: 'Bearer test-access-token' })).status).toBe(401);
			expect((await call(fake, 'GET', '/v1.0/me', { auth: 'Bearer test-access-token-2' })).status).toBe(200);

			const code = await call(fake, 'POST', '/api/user-web/oauth/token', {
				auth: basic,
				rawBody: 'grant_type=authorization_code&code=test-code&redirect_uri=http%3A%2F%2Flocalhost',
				contentType: form,
			});
			expect(code.body.access_token).toBe('test-access-token-3');

			const badClient = await call(fake, 'POST', '/api/user-web/oauth/token', {
				auth: 'Basic ' + Buffer.from('test-client-id:nope').toString('base64'),
				rawBody: 'grant_type=refresh_token&refresh_token=test-refresh-token',
				contentType: form,
			});
			expect(badClient.status).toBe(401);
			expect(badClient.body).toEqual({ error: 'invalid_client' });
			const badGrant = await call(fake, 'POST', '/api/user-web/oauth/token', {
				auth: basic,
				rawBody: 'grant_type=refresh_token&refresh_token=old',
				contentType: form,
			});
			expect(badGrant.status).toBe(400);
			expect(badGrant.body.error).toBe('invalid_grant');
			expect(fake.findRequests('POST', '/api/user-web/oauth/token')).toHaveLength(4);
			expect(fake.requests[0].body).toBe('grant_type=refresh_token&refresh_token=test-refresh-token');
		});
	});

	describe('rate limiting', () => {
		const styles: ResetStyle[] = ['remaining-ms', 'epoch-seconds', 'epoch-ms', 'none'];

		const WINDOW = 400;

		it.each(styles)('%s: headers, 429 after the limit, recovery after the window', async (resetStyle) => {
			fake.setRateLimit({ limit: 3, windowMs: WINDOW, resetStyle });
			const t0 = Date.now();
			const answers: Answer[] = [];
			for (let i = 0; i < 3; i++) answers.push(await call(fake, 'GET', '/v1.0/me'));
			const over = await call(fake, 'GET', '/v1.0/me');
			const t1 = Date.now();
			expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
			expect(over.status).toBe(429);
			expect(over.body).toEqual({ message: 'Too Many Requests' });
			if (resetStyle === 'none') {
				for (const a of [...answers, over]) {
					expect(a.headers.get('x-ratelimit-limit')).toBeNull();
					expect(a.headers.get('x-ratelimit-reset')).toBeNull();
				}
			} else {
				expect(answers.map((a) => a.headers.get('x-ratelimit-limit'))).toEqual(['3', '3', '3']);
				expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0']);
				expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
				const reset = Number(over.headers.get('x-ratelimit-reset'));
				if (resetStyle === 'remaining-ms') {
					expect(reset).toBeGreaterThan(0);
					expect(reset).toBeLessThanOrEqual(WINDOW);
				} else if (resetStyle === 'epoch-seconds') {
					expect(reset).toBeGreaterThanOrEqual(Math.ceil((t0 + WINDOW) / 1000));
					expect(reset).toBeLessThanOrEqual(Math.ceil((t1 + WINDOW) / 1000));
				} else {
					expect(reset).toBeGreaterThanOrEqual(t0 + WINDOW);
					expect(reset).toBeLessThanOrEqual(t1 + WINDOW);
				}
			}
			// a 429 does not consume budget: still 429 inside the window, then a fresh window
			expect((await call(fake, 'GET', '/v1.0/me')).status).toBe(429);
			await sleep(WINDOW + 20);
			const again = await call(fake, 'GET', '/v1.0/me');
			expect(again.status).toBe(200);
			if (resetStyle !== 'none') expect(again.headers.get('x-ratelimit-remaining')).toBe('2');
			expect(fake.count429()).toBe(2);
		});

		it('sends unlimited headers by default, on errors too, and counts per identity', async () => {
			const a = await call(fake, 'GET', '/v1.0/leads/42');
			expect(a.status).toBe(404);
			expect(a.body).toEqual({ code: 404, message: 'Lead not found' });
			expect(a.headers.get('x-ratelimit-limit')).toBe('1000000');
			expect(a.headers.get('x-ratelimit-remaining')).toBe('999999');
			fake.setRateLimit({ limit: 1, windowMs: 10_000, resetStyle: 'epoch-ms' });
			expect((await call(fake, 'GET', '/v1.0/me')).status).toBe(200);
			expect((await call(fake, 'GET', '/v1.0/me')).status).toBe(429);
			expect((await call(fake, 'GET', '/v1.0/me', { auth: 'Bearer test-access-token' })).status).toBe(200);
		});
	});

	describe('faults', () => {
		it('http faults: bare JSON string body, raw HTML, times, checked before auth and without consuming budget', async () => {
			fake.setRateLimit({ limit: 2, windowMs: 10_000, resetStyle: 'remaining-ms' });
			fake.injectFault({ path: '/v1.0/me', status: 500, body: 'boom', times: 2 });
			fake.injectFault({ method: 'GET', path: /^\/v1\.0\/members/, status: 502, rawBody: '<html>Bad Gateway</html>', contentType: 'text/html' });
			fake.injectFault({ method: 'POST', status: 429, body: { message: 'Too Many Requests' }, headers: { 'X-RateLimit-Reset': '1234' } });

			const a = await call(fake, 'GET', '/v1.0/me', { auth: null });
			expect(a.status).toBe(500);
			expect(a.text).toBe('"boom"');
			expect(a.headers.get('x-ratelimit-limit')).toBeNull();
			expect((await call(fake, 'GET', '/v1.0/me')).status).toBe(500);
			const html = await call(fake, 'GET', '/v1.0/members');
			expect(html.status).toBe(502);
			expect(html.text).toBe('<html>Bad Gateway</html>');
			expect(html.headers.get('content-type')).toBe('text/html');
			const posted = await call(fake, 'POST', '/v1.0/leads', { body: { firstName: 'X' } });
			expect(posted.status).toBe(429);
			expect(posted.headers.get('x-ratelimit-reset')).toBe('1234');
			// faults used up; the budget of 2 is untouched
			expect((await call(fake, 'GET', '/v1.0/me')).status).toBe(200);
			expect((await call(fake, 'GET', '/v1.0/members')).status).toBe(200);
			expect((await call(fake, 'GET', '/v1.0/me')).status).toBe(429);
			expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 502, 429, 200, 200, 429]);
			expect(fake.count429()).toBe(2);
		});

		it('reset destroys the socket, hang never answers; both are recorded with status 0', async () => {
			fake.injectFault({ path: '/v1.0/me', kind: 'reset' });
			await expect(call(fake, 'GET', '/v1.0/me')).rejects.toThrow();
			fake.injectFault({ path: '/v1.0/me', kind: 'hang' });
			await expect(call(fake, 'GET', '/v1.0/me', { signal: AbortSignal.timeout(150) })).rejects.toThrow();
			expect((await call(fake, 'GET', '/v1.0/me')).status).toBe(200);
			expect(fake.requests.map((r) => r.status)).toEqual([0, 0, 200]);
			fake.injectFault({ kind: 'hang', times: 5 });
			fake.clearFaults();
			expect((await call(fake, 'GET', '/v1.0/me')).status).toBe(200);
		});

		it('stop() ends hanging requests', async () => {
			const other = new FakeLofty();
			await other.start();
			other.injectFault({ kind: 'hang' });
			const pending = call(other, 'GET', '/v1.0/me');
			await sleep(50);
			await other.stop();
			await expect(pending).rejects.toThrow();
		});
	});

	describe('request recording', () => {
		it('records method, pathname, query arrays, parsed bodies and headers', async () => {
			fake.seedLeads(3);
			await call(fake, 'GET', '/v1.0/leads?anyTags=Buyer&anyTags=Hot%20Lead&limit=5&vendorKey=v1');
			await call(fake, 'POST', '/v1.0/leads', { body: { firstName: 'Rec', emails: ['rec@example.com'] } });
			await call(fake, 'POST', '/v1.0/leads', { rawBody: '{not json' });
			const [search, create, broken] = fake.requests;
			expect(search).toMatchObject({
				method: 'GET',
				path: '/v1.0/leads',
				query: { anyTags: ['Buyer', 'Hot Lead'], limit: '5', vendorKey: 'v1' },
				body: undefined,
				status: 200,
			});
			expect(search.headers.authorization).toBe(TOKEN);
			expect(typeof search.at).toBe('number');
			expect(create.body).toEqual({ firstName: 'Rec', emails: ['rec@example.com'] });
			expect(create.headers['content-type']).toBe('application/json');
			expect(broken.body).toBe('{not json');
			expect(broken.status).toBe(400);
			fake.clearRequests();
			expect(fake.requests).toHaveLength(0);
		});
	});

	describe('leads', () => {
		it('create, get, edit, delete (soft) and withTrash', async () => {
			const created = await call(fake, 'POST', '/v1.0/leads', {
				body: {
					firstName: 'Jane',
					lastName: 'Smith',
					emails: ['jane@example.com'],
					phones: ['5125550000'],
					stage: 'Contacted',
					source: 'Zillow',
					tags: ['Buyer', 'Brand New Tag'],
					assignedUserId: 700002,
					customAttributeList: [{ attributeName: 'Home Style', value: 'Ranch' }],
				},
			});
			expect(created.status).toBe(200);
			const leadId = created.body.leadId;
			expect(leadId).toBe(LEAD_ID_BASE + 1);

			const got = await call(fake, 'GET', `/v1.0/leads/${leadId}`);
			expect(got.body).toMatchObject({
				leadId,
				firstName: 'Jane',
				lastName: 'Smith',
				emails: ['jane@example.com'],
				phones: ['5125550000'],
				stage: 'Contacted',
				source: 'Zillow',
				assignedUserId: 700002,
				assignedUser: 'Blake Rivera',
			});
			expect(got.body.tags.map((t: { tagName: string }) => t.tagName)).toEqual(['Buyer', 'Brand New Tag']);
			expect(got.body.customAttributes[0]).toMatchObject({ attributeName: 'Home Style', value: 'Ranch' });
			expect(got.body.createTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

			const edited = await call(fake, 'PUT', `/v1.0/leads/${leadId}`, { body: { lastName: 'Doe', tagsAdd: ['Hot Lead'] } });
			expect(edited.body).toEqual({ leadId });
			const after = await call(fake, 'GET', `/v1.0/leads/${leadId}`);
			expect(after.body.firstName).toBe('Jane');
			expect(after.body.lastName).toBe('Doe');
			expect(after.body.tags.map((t: { tagName: string }) => t.tagName)).toEqual(['Buyer', 'Brand New Tag', 'Hot Lead']);

			expect((await call(fake, 'DELETE', `/v1.0/leads/${leadId}`)).body).toEqual({ code: 400, message: 'reason is required' });
			expect((await call(fake, 'DELETE', `/v1.0/leads/${leadId}?reason=duplicate`)).status).toBe(200);
			expect((await call(fake, 'GET', `/v1.0/leads/${leadId}`)).status).toBe(404);
			expect((await call(fake, 'GET', `/v1.0/leads/${leadId}?withTrash=true`)).body.leadId).toBe(leadId);
			expect((await call(fake, 'PUT', `/v1.0/leads/${leadId}`, { body: { firstName: 'x' } })).status).toBe(404);
		});

		it('rejects bad input the way Lofty does', async () => {
			const bad = async (method: string, path: string, opts: Parameters<typeof call>[3]) => call(fake, method, path, opts);
			expect((await bad('POST', '/v1.0/leads', { rawBody: '{"firstName":' })).status).toBe(400);
			expect((await bad('POST', '/v1.0/leads', { rawBody: 'firstName=x', contentType: 'text/plain' })).status).toBe(415);
			expect((await bad('POST', '/v1.0/leads', { body: { emails: 'a@b.co' } })).body.message).toMatch(/'emails' must be an array/);
			expect((await bad('POST', '/v1.0/leads', { body: { firstName: 'A', stage: 'Nope' } })).body.message).toMatch(/stage not found/);
			expect((await bad('POST', '/v1.0/leads', { body: { firstName: 'A', birthday: '1990-01-05' } })).body.message).toMatch(/birthday/);
			expect((await bad('POST', '/v1.0/leads', { body: {} })).body.message).toMatch(/lead info is empty/);
			expect((await bad('GET', '/v1.0/leads?limit=0', {})).body).toEqual({ code: 400, message: 'LIMIT_NOT_VALID' });
			expect((await bad('GET', '/v1.0/leads?limit=101', {})).body).toEqual({ code: 400, message: 'LIMIT_NOT_VALID' });
			expect((await bad('GET', '/v1.0/leads/abc', {})).status).toBe(400);
			expect((await bad('GET', '/v1.0/nothing-here', {})).body).toEqual({ message: 'Not Found' });
			expect((await bad('GET', '/v1.0/leads/createTime?leadCreateTime=2024-01-01', {})).body.message).toMatch(/leadCreateTime is not valid/);
		});

		it('search filters: email, phone, stage, tags, assignedUserId, segments', async () => {
			fake.seedLeads(30);
			const ids = (a: Answer) => a.body.leads.map((l: { leadId: number }) => l.leadId - LEAD_ID_BASE).sort((x: number, y: number) => x - y);
			expect(ids(await call(fake, 'GET', `/v1.0/leads?email=${seededLeadEmail(7)}`))).toEqual([7]);
			expect(ids(await call(fake, 'GET', `/v1.0/leads?phone=${seededLeadPhone(12)}`))).toEqual([12]);
			expect(ids(await call(fake, 'GET', '/v1.0/leads?stage=Closed&stage=New%20Lead&limit=100'))).toEqual([1, 6, 7, 12, 13, 18, 19, 24, 25, 30]);
			expect(ids(await call(fake, 'GET', '/v1.0/leads?allTags=Hot%20Lead&allTags=Investor'))).toEqual([15, 30]);
			expect(ids(await call(fake, 'GET', '/v1.0/leads?anyTags=Investor&limit=100'))).toEqual([5, 10, 15, 20, 25, 30]);
			expect(ids(await call(fake, 'GET', '/v1.0/leads?assignedUserId=700003&source=Website&limit=100'))).toEqual([6, 21]);
			expect(ids(await call(fake, 'GET', '/v1.0/leads?segments=Luxury&limit=100'))).toEqual([4, 8, 12, 16, 20, 24, 28]);
			expect(ids(await call(fake, 'GET', '/v1.0/leads?segmentIds=400002&limit=100'))).toEqual([4, 8, 12, 16, 20, 24, 28]);
			const sinceMinute20 = toUtcMinus7(SEED_BASE_TIME + 20 * MINUTE_MS);
			const byCreate = await call(fake, 'GET', `/v1.0/leads/createTime?leadCreateTime=${encodeURIComponent(sinceMinute20)}&limit=100`);
			expect(ids(byCreate)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
			const byUpdate = await call(fake, 'GET', `/v1.0/leads/updateTime?leadUpdateTime=${encodeURIComponent(sinceMinute20)}&limit=100`);
			expect(ids(byUpdate)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
		});

		it('offset paging shifts under inserts, scrollId paging does not', async () => {
			fake.seedLeads(25);
			const page = (a: Answer) => a.body.leads.map((l: { leadId: number }) => l.leadId);
			const first = await call(fake, 'GET', '/v1.0/leads?limit=10&offset=0');
			expect(first.body._metadata).toMatchObject({ collection: 'leads', limit: 10, offset: 0, total: 25 });
			expect(typeof first.body._metadata.scrollId).toBe('string');
			expect(page(first)[0]).toBe(LEAD_ID_BASE + 25); // newest first
			const scrollId = first.body._metadata.scrollId;

			await call(fake, 'POST', '/v1.0/leads', { body: { firstName: 'Newcomer' } });

			const offsetSecond = await call(fake, 'GET', '/v1.0/leads?limit=10&offset=10');
			expect(offsetSecond.body._metadata.total).toBe(26);
			expect(page(offsetSecond)[0]).toBe(page(first)[9]); // shifted: a duplicate

			const seen = [...page(first)];
			for (;;) {
				const next = await call(fake, 'GET', `/v1.0/leads?limit=10&scrollId=${encodeURIComponent(scrollId)}&offset=999`);
				expect(next.status).toBe(200);
				expect(next.body._metadata.scrollId).toBe(scrollId);
				if (next.body.leads.length === 0) break;
				seen.push(...page(next));
			}
			expect(seen).toHaveLength(25);
			expect(new Set(seen).size).toBe(25);
			expect(seen).not.toContain(LEAD_ID_BASE + 26);
			const unknown = await call(fake, 'GET', '/v1.0/leads?scrollId=nope');
			expect(unknown.status).toBe(400);
			expect(unknown.body.message).toMatch(/scrollId/);
		});

		it('assignment, assignee lookup, inquiry, property, specified-url, brokermint', async () => {
			fake.seedLeads(2);
			const leadId = LEAD_ID_BASE + 1; // assigned to 700001
			const misspelt = await call(fake, 'POST', `/v1.0/leads/${leadId}/assignment`, { body: [{ assignee: 'blake.rivera@example.com' }] });
			expect(misspelt.status).toBe(400);
			expect(misspelt.body.message).toMatch(/assiginee is required/);
			const assigned = await call(fake, 'POST', `/v1.0/leads/${leadId}/assignment`, {
				body: [{ assiginee: 'blake.rivera@example.com', role: 'Agent' }, { assiginee: 'casey.lee@example.com', role: 'Lender' }],
			});
			expect(assigned.body).toEqual({ leadId });
			const lookup = await call(fake, 'POST', '/v1.0/leads/assignee', { body: { email: seededLeadEmail(1) } });
			expect(lookup.body).toHaveLength(1);
			expect(lookup.body[0]).toMatchObject({ leadId, firstName: 'Avery', lastName: 'Smith' });
			expect(lookup.body[0].customRoleAssignees.map((r: { role: string; assigneeId: number }) => [r.role, r.assigneeId])).toEqual([
				['Agent', 700002],
				['Lender', 700003],
			]);
			expect((await call(fake, 'POST', '/v1.0/leads/assignee', { body: { firstName: 'Avery' } })).status).toBe(400);

			const inquiry = await call(fake, 'POST', `/v1.0/leads/${leadId}/inquiry`, { body: { priceMin: 100, priceMax: 200, locations: [{ city: 'Austin' }] } });
			expect(inquiry.body.leadId).toBe(leadId);
			expect((await call(fake, 'POST', `/v1.0/leads/${leadId}/inquiry`, { body: { priceMin: 300, priceMax: 200 } })).status).toBe(400);
			const property = await call(fake, 'POST', `/v1.0/leads/${leadId}/property`, { body: { streetAddress: '1 Main St', bathrooms: 2.5 } });
			expect(typeof property.body.propertyId).toBe('number');
			const lead = (await call(fake, 'GET', `/v1.0/leads/${leadId}`)).body;
			expect(lead.assignedUserId).toBe(700002);
			expect(lead.lenderUserId).toBe(700003);
			expect(lead.leadInquiry).toMatchObject({ priceMin: 100, priceMax: 200, locations: [expect.objectContaining({ city: 'Austin' })] });
			expect(lead.leadPropertyList).toEqual([expect.objectContaining({ streetAddress: '1 Main St', bathrooms: 2.5 })]);

			const url = await call(fake, 'POST', '/v1.0/leads/specified-url', { body: { leadId, loftyWebsiteURL: 'https://site.example.com/home' } });
			expect(url.text).toMatch(/^"https:\/\/site\.example\.com\/home\?token=[0-9a-f]{32}"$/);

			const bm = await call(fake, 'PUT', '/v1.0/brokermint/lead', { body: { email: seededLeadEmail(2), externalId: 'bm-1', firstName: 'Bee' } });
			expect(bm.body).toEqual({ leadId: LEAD_ID_BASE + 2 });
			expect((await call(fake, 'PUT', '/v1.0/brokermint/lead', { body: { externalId: 'bm-1', city: 'Dallas' } })).status).toBe(200);
			expect(fake.data.leads.get(LEAD_ID_BASE + 2)?.profile).toMatchObject({ firstName: 'Bee', city: 'Dallas' });
			expect((await call(fake, 'PUT', '/v1.0/brokermint/lead', { body: { email: 'nobody@example.com' } })).status).toBe(404);
			const tx = await call(fake, 'POST', `/v1.0/leads/${leadId}/transaction`, { body: { transactionName: 'T' } });
			const bmTx = await call(fake, 'PUT', '/v1.0/brokermint/transaction', { body: { id: tx.body.transactionId, price: 410000, status: 'Pending' } });
			expect(bmTx.body).toEqual({ transactionId: tx.body.transactionId });
			expect((await call(fake, 'GET', `/v1.0/leads/${leadId}/transaction/${tx.body.transactionId}`)).body).toMatchObject({ homePrice: 410000, transactionStatus: 'Pending' });
			expect((await call(fake, 'PATCH', `/v1.0/leads/${leadId}`, { body: {} })).status).toBe(405);
		});

		it('options: createVisibilityDelayMs, wrapGetLead, timeFormat utc-7', async () => {
			await withFake({ createVisibilityDelayMs: 100, wrapGetLead: true, timeFormat: 'utc-7' }, async (f) => {
				f.seedLeads(1);
				const seeded = await call(f, 'GET', `/v1.0/leads/${LEAD_ID_BASE + 1}`);
				expect(seeded.body.lead.createTime).toBe('2023-12-31 17:00:00');
				const created = await call(f, 'POST', '/v1.0/leads', { body: { firstName: 'Lagging' } });
				expect((await call(f, 'GET', `/v1.0/leads/${created.body.leadId}`)).status).toBe(404);
				await sleep(120);
				expect((await call(f, 'GET', `/v1.0/leads/${created.body.leadId}`)).body.lead.firstName).toBe('Lagging');
			});
		});

		it('wrapLeadEntries wraps list entries as {lead: ...}', async () => {
			await withFake({ wrapLeadEntries: true }, async (wrapped) => {
				wrapped.seedLeads(2);
				const a = await call(wrapped, 'GET', '/v1.0/leads');
				expect(a.body.leads).toHaveLength(2);
				expect(a.body.leads[0]).toEqual({ lead: expect.objectContaining({ leadId: LEAD_ID_BASE + 2 }) });
			});
		});

		it('activities: curPage from 0, exactly 100 per page', async () => {
			fake.seedLeads(1);
			fake.seedActivities(LEAD_ID_BASE + 1, 250);
			const sizes: number[] = [];
			for (let p = 0; p < 4; p++) {
				const a = await call(fake, 'GET', `/v1.0/leads/${LEAD_ID_BASE + 1}/activities?curPage=${p}`);
				expect(Array.isArray(a.body)).toBe(true);
				sizes.push(a.body.length);
			}
			expect(sizes).toEqual([100, 100, 50, 0]);
			const added = await call(fake, 'POST', `/v1.0/leads/${LEAD_ID_BASE + 1}/activity`, { body: { type: 'Note', text: 'hi', created: 1 } });
			expect(added.status).toBe(200);
			expect((await call(fake, 'GET', '/v1.0/leads/999/activities')).status).toBe(404);
		});

		it('transactions: add, get, update, list, property address, custom fields', async () => {
			fake.seedLeads(1);
			const leadId = LEAD_ID_BASE + 1;
			const fields = await call(fake, 'GET', '/v1.0/transaction/customfields');
			expect(fields.body.map((f: { id: number }) => f.id)).toEqual([600001, 600002, 600003, 600004]);
			const add = await call(fake, 'POST', `/v1.0/leads/${leadId}/transaction`, {
				body: { transactionName: '1 Main St', homePrice: 500000, customFields: [{ id: 600003, value: 'FHA' }] },
			});
			const transactionId = add.body.transactionId;
			expect(typeof transactionId).toBe('number');
			await call(fake, 'PUT', `/v1.0/leads/${leadId}/transaction/${transactionId}`, { body: { transactionStatus: 'Closed' } });
			const got = await call(fake, 'GET', `/v1.0/leads/${leadId}/transaction/${transactionId}`);
			expect(got.body).toMatchObject({ transactionId, transactionName: '1 Main St', homePrice: 500000, transactionStatus: 'Closed', transactionType: 'Purchase' });
			await call(fake, 'POST', `/v1.0/leads/${leadId}/transaction/property/address`, { body: { transactionId, city: 'Austin' } });
			const addr = await call(fake, 'GET', `/v1.0/leads/${leadId}/transaction/${transactionId}/property/address`);
			expect(addr.body).toMatchObject({ transactionId, city: 'Austin', streetAddress: null });
			expect((await call(fake, 'GET', `/v1.0/leads/${leadId}/transactions`)).body).toHaveLength(1);
			const badType = await call(fake, 'POST', `/v1.0/leads/${leadId}/transaction`, { body: { transactionName: 'x', transactionType: 'Rent' } });
			expect(badType.status).toBe(400);
		});
	});

	describe('other paging styles', () => {
		it('communication/call: currentId exclusive by default, offset, leadId, limit max 1000', async () => {
			fake.seedCallHistory(25);
			const ids = (a: Answer) => a.body.map((r: { id: number }) => r.id);
			const first = await call(fake, 'GET', '/v1.0/communication/call?limit=10');
			expect(ids(first)).toEqual(Array.from({ length: 10 }, (_, i) => 3000001 + i));
			const next = await call(fake, 'GET', '/v1.0/communication/call?limit=10&currentId=3000010');
			expect(ids(next)[0]).toBe(3000011);
			expect(ids(await call(fake, 'GET', '/v1.0/communication/call?limit=10&offset=20'))).toEqual([3000021, 3000022, 3000023, 3000024, 3000025]);
			expect(ids(await call(fake, 'GET', '/v1.0/communication/call/v2?limit=100&leadId=1000002'))).toEqual([3000002, 3000007, 3000012, 3000017, 3000022]);
			expect(ids(await call(fake, 'GET', '/v1.0/communication/email?limit=2'))).toEqual([3100001, 3100002]);
			expect(ids(await call(fake, 'GET', '/v1.0/communication/text?limit=2&currentId=3200024'))).toEqual([3200025]);
			const over = await call(fake, 'GET', '/v1.0/communication/call?limit=1001');
			expect(over.body).toEqual({ code: 400, message: 'LIMIT_NOT_VALID' });
		});

		it('communication/call: currentIdInclusive option', async () => {
			await withFake({ currentIdInclusive: true }, async (inclusive) => {
				inclusive.seedCallHistory(5);
				const a = await call(inclusive, 'GET', '/v1.0/communication/call?currentId=3000003');
				expect(a.body.map((r: { id: number }) => r.id)).toEqual([3000003, 3000004, 3000005]);
			});
		});

		it('systemLogs: pageNumber from 0, pageSize max 100', async () => {
			fake.seedSystemLogs(25);
			const sizes: number[] = [];
			for (let p = 0; p < 4; p++) sizes.push((await call(fake, 'GET', `/v1.0/systemLogs?pageNumber=${p}&pageSize=10`)).body.length);
			expect(sizes).toEqual([10, 10, 5, 0]);
			expect((await call(fake, 'GET', '/v1.0/systemLogs?pageSize=101')).status).toBe(400);
			const windowed = await call(fake, 'GET', `/v1.0/systemLogs?pageSize=100&startTime=${SEED_BASE_TIME}&endTime=${SEED_BASE_TIME + 3 * MINUTE_MS}`);
			expect(windowed.body.map((r: { id: number }) => r.id)).toEqual([4000003, 4000002, 4000001]);
		});

		it('listing: nextPageKey cursor until null', async () => {
			fake.seedListings(25);
			const sizes: number[] = [];
			let key: string | null = null;
			do {
				const q: string = key === null ? '' : `&nextPageKey=${encodeURIComponent(key)}`;
				const a = await call(fake, 'GET', `/v1.0/listing?limit=10${q}`);
				sizes.push(a.body.listings.length);
				key = a.body.nextPageKey;
			} while (key !== null);
			expect(sizes).toEqual([10, 10, 5]);
			expect((await call(fake, 'GET', '/v1.0/listing?nextPageKey=garbage')).status).toBe(400);
			expect((await call(fake, 'GET', '/v1.0/listing?limit=101')).body.message).toBe('LIMIT_NOT_VALID');
		});

		it('agent/communication: PageResult paging and the 24 hour rule', async () => {
			const start = SEED_BASE_TIME;
			const day = 86_400_000;
			fake.seedAgentCommunication(25, start, start + day);
			const pages: Array<{ hasMore: boolean; n: number; offset: number }> = [];
			for (let offset = 0; ; offset += 10) {
				const a = await call(fake, 'POST', '/v1.0/agent/communication', { body: { startTime: start, endTime: start + day, offset, limit: 10 } });
				expect(a.status).toBe(200);
				pages.push({ hasMore: a.body.hasMore, n: a.body.pageData.length, offset: a.body.offset });
				if (!a.body.hasMore) break;
			}
			expect(pages).toEqual([
				{ hasMore: true, n: 10, offset: 0 },
				{ hasMore: true, n: 10, offset: 10 },
				{ hasMore: false, n: 5, offset: 20 },
			]);
			const half = await call(fake, 'POST', '/v1.0/agent/communication', { body: { startTime: start, endTime: start + day / 2, limit: 1000 } });
			expect(half.body.pageData).toHaveLength(13); // i * day / 25 < day / 2 for i = 0..12
			const tooLong = await call(fake, 'POST', '/v1.0/agent/communication', { body: { startTime: start, endTime: start + day + 1 } });
			expect(tooLong.status).toBe(400);
			expect(tooLong.body).toEqual({ code: 400, message: RANGE_TOO_LONG_MESSAGE });
			const overLimit = await call(fake, 'POST', '/v1.0/agent/communication', { body: { startTime: start, endTime: start + 1, limit: 1001 } });
			expect(overLimit.body.message).toBe('LIMIT_NOT_VALID');
		});
	});

	it('members, tags and custom fields', async () => {
		const members = await call(fake, 'GET', '/v1.0/members?limit=2');
		expect(members.body._metadata).toEqual({ collection: 'members', limit: 2, offset: 0, total: 3 });
		expect(members.body.members.map((m: { memberUserId: number }) => m.memberUserId)).toEqual([700001, 700002]);
		// UserResponse.id is the team-member id, a different number from the user id.
		expect(members.body.members.map((m: { id: number }) => m.id)).toEqual([9700001, 9700002]);
		const tags = await call(fake, 'GET', '/v1.0/teamFeatures/listTag');
		expect(tags.body.map((t: { tagName: string }) => t.tagName)).toEqual(['Hot Lead', 'Buyer', 'Seller', 'Investor', 'Follow Up']);
		const fields = await call(fake, 'GET', '/v1.0/teamFeatures/listCustomField');
		expect(fields.body.map((f: { attributeName: string }) => f.attributeName)).toContain('Home Style');
	});
});
