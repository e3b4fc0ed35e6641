import type { ResetStyle } from './fake-lofty';
import { FakeLofty } from './fake-lofty';
import { runWorkflow } from './harness';
import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { process } from './support/node';

/** A fake server per test: every test starts with a fresh budget (budgets are per base URL and key). */
async function withServer<T>(setup: (fake: FakeLofty) => void, body: (fake: FakeLofty) => Promise<T>): Promise<T> {
	const fake = new FakeLofty();
	await fake.start();
	try {
		setup(fake);
		return await body(fake);
	} finally {
		await fake.stop();
	}
}

function getLeads(fake: FakeLofty, count: number, leadId = '1000001') {
	return runWorkflow({
		nodes: { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'get', leadId: '={{ $json.leadId }}' } },
		items: Array.from({ length: count }, () => ({ leadId })),
		credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: fake.baseUrl } },
	});
}

describe('shared throttle', () => {
	it('runs 60 items against 5 requests a second with no 429 reaching the user', async () => {
		await withServer(
			(fake) => {
				fake.seedLeads(1);
				fake.setRateLimit({ limit: 5, windowMs: 1000, resetStyle: 'remaining-ms' });
			},
			async (fake) => {
				const started = Date.now();
				const result = await getLeads(fake, 60);
				const elapsed = Date.now() - started;
				const minimum = (Math.ceil(60 / 5) - 1) * 1000;
				process.stdout.write(
					`throttle: 60 items at 5/s took ${elapsed} ms (theoretical minimum ${minimum} ms, ratio ${(elapsed / minimum).toFixed(2)}), ` +
						`${fake.count429()} 429s, ${fake.requests.length} requests\n`,
				);
				expect(result.status).toBe('success');
				expect(result.items).toHaveLength(60);
				expect(result.items.every((item) => item.leadId === 1000001)).toBe(true);
				expect(fake.count429()).toBeLessThanOrEqual(12);
				expect(elapsed).toBeGreaterThanOrEqual(minimum);
			},
		);
	});

	it.each<ResetStyle>(['remaining-ms', 'epoch-seconds', 'epoch-ms'])(
		'paces by X-RateLimit-Reset written as %s',
		async (resetStyle) => {
			await withServer(
				(fake) => {
					fake.seedLeads(1);
					fake.setRateLimit({ limit: 4, windowMs: 1000, resetStyle });
				},
				async (fake) => {
					const result = await getLeads(fake, 12);
					expect(result.status).toBe('success');
					expect(result.items).toHaveLength(12);
					const served = fake.requests.filter((r) => r.status === 200).length;
					expect(served).toBe(12);
					// Waits follow the reset: a 429 at most at each window boundary (epoch seconds round up to the second).
					expect(fake.count429()).toBeLessThanOrEqual(3);
				},
			);
		},
	);

	it.each<[string, () => string]>([
		['milliseconds remaining', () => '700'],
		['epoch seconds', () => String(Math.ceil((Date.now() + 700) / 1000))],
		['epoch milliseconds', () => String(Date.now() + 700)],
	])('waits out a 429 whose Reset is in %s, then retries', async (_label, reset) => {
		await withServer(
			(fake) => fake.seedLeads(1),
			async (fake) => {
				fake.injectFault({
					method: 'GET',
					path: '/v1.0/leads/1000001',
					status: 429,
					body: { message: 'Too Many Requests' },
					headers: { 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset() },
				});
				const started = Date.now();
				const result = await getLeads(fake, 1);
				const waited = Date.now() - started;
				expect(result.status).toBe('success');
				expect(result.items[0].leadId).toBe(1000001);
				expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
				expect(waited).toBeGreaterThanOrEqual(250);
				expect(waited).toBeLessThan(3_000);
			},
		);
	});

	it('shares one budget between two nodes running side by side', async () => {
		await withServer(
			(fake) => {
				fake.seedLeads(1);
				fake.setRateLimit({ limit: 5, windowMs: 1000, resetStyle: 'remaining-ms' });
			},
			async (fake) => {
				const parameters = { resource: 'lead', operation: 'get', leadId: '={{ $json.leadId }}' };
				const result = await runWorkflow({
					nodes: [
						{ type: new LoftyLead(), parameters, name: 'A' },
						{ type: new LoftyLead(), parameters, name: 'B' },
					],
					items: Array.from({ length: 10 }, () => ({ leadId: '1000001' })),
					credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: fake.baseUrl } },
				});
				expect(result.status).toBe('success');
				expect(result.output.A).toHaveLength(10);
				expect(result.output.B).toHaveLength(10);
				expect(fake.count429()).toBeLessThanOrEqual(4);
			},
		);
	});

	it('stops waiting within a second when the execution is cancelled', async () => {
		await withServer(
			(fake) => fake.seedLeads(1),
			async (fake) => {
				fake.injectFault({
					status: 429,
					times: 10,
					body: { message: 'Too Many Requests' },
					headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '50000' },
				});
				const started = Date.now();
				const result = await runWorkflow({
					nodes: { type: new LoftyLead(), parameters: { resource: 'lead', operation: 'get', leadId: '1000001' } },
					credentials: { type: 'loftyApi', data: { apiKey: 'test-api-key', baseUrl: fake.baseUrl } },
					cancelAfterMs: 300,
				});
				expect(Date.now() - started).toBeLessThan(1_300);
				expect(result.status).toBe('canceled');
				expect(fake.requests).toHaveLength(1);
			},
		);
	});
});
