/**
 * Linear time, measured in the test's own numbers: the cost of one operation at 10 KB, 100 KB
 * and 1 MB of adversarial input, compared size to size. Ten times the input must cost about ten
 * times as much; a quadratic check costs about a hundred times as much, so it fails at the
 * 100 KB step, in seconds, long before the 1 MB step would run.
 */
import { performance, process } from './node';

export const SIZES = [10_000, 100_000, 1_000_000] as const;

/** Linear gives ~10 per tenfold step (less when fixed costs dominate), quadratic ~100. */
export const MAX_STEP_RATIO = 30;

/** Repeats are timed together until they take this long, so a fast check is not lost in timer noise. */
const MIN_SAMPLE_MS = 20;

export interface Scaling {
	/** Milliseconds per operation at each size. */
	msPerOp: number[];
	/** Cost ratio of each size to the one before it. */
	ratios: number[];
}

async function msPerOp(operation: () => unknown): Promise<number> {
	// A slow first run is the figure: repeating a quadratic check would only take longer.
	const first = performance.now();
	await operation();
	const once = performance.now() - first;
	if (once >= 10 * MIN_SAMPLE_MS) return once;
	let best = Infinity;
	for (let sample = 0; sample < 3; sample++) {
		let runs = 0;
		const started = performance.now();
		let elapsed = 0;
		do {
			await operation();
			runs++;
			elapsed = performance.now() - started;
		} while (elapsed < MIN_SAMPLE_MS);
		best = Math.min(best, elapsed / runs);
	}
	return best;
}

/** Re-measuring a step is cheap for a linear check; a quadratic one has spent this long already. */
const RETRY_BUDGET_MS = 15_000;
const ATTEMPTS = 3;

/**
 * Times `operation` on input of each size and checks every tenfold step costs less than
 * MAX_STEP_RATIO times the step before; stops at the first step that does not. A busy machine or a
 * garbage collection can inflate one sample, so a step over the ratio is measured again (both
 * sizes, the best of each kept) while that stays within RETRY_BUDGET_MS.
 */
export async function measureScaling(operation: (input: string) => unknown, inputOf: (size: number) => string): Promise<Scaling> {
	const started = performance.now();
	const inputs = SIZES.map(inputOf);
	const cost = async (i: number) => await msPerOp(() => operation(inputs[i]));
	const result: Scaling = { msPerOp: [await cost(0)], ratios: [] };
	for (let i = 1; i < SIZES.length; i++) {
		result.msPerOp[i] = await cost(i);
		const ratio = () => result.msPerOp[i] / result.msPerOp[i - 1];
		for (let attempt = 1; ratio() >= MAX_STEP_RATIO && attempt < ATTEMPTS && performance.now() - started < RETRY_BUDGET_MS; attempt++) {
			result.msPerOp[i - 1] = Math.min(result.msPerOp[i - 1], await cost(i - 1));
			result.msPerOp[i] = Math.min(result.msPerOp[i], await cost(i));
		}
		result.ratios.push(ratio());
		if (ratio() >= MAX_STEP_RATIO) break;
	}
	return result;
}

/** "10 KB 0.01 ms, 100 KB 0.08 ms (×8.0), 1 MB 0.9 ms (×11.3)" */
export function describeScaling(scaling: Scaling): string {
	const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000} MB` : `${size / 1_000} KB`);
	return scaling.msPerOp
		.map((ms, i) => `${label(SIZES[i])} ${ms < 1 ? ms.toFixed(3) : ms.toFixed(1)} ms${i ? ` (×${scaling.ratios[i - 1].toFixed(1)})` : ''}`)
		.join(', ');
}

/** Asserts linear scaling over all three sizes; the figures are printed under `label` either way. */
export async function expectLinear(
	label: string,
	operation: (input: string) => unknown,
	inputOf: (size: number) => string,
): Promise<string> {
	const scaling = await measureScaling(operation, inputOf);
	const figures = describeScaling(scaling);
	process.stdout.write(`linear time: ${label}: ${figures}\n`);
	expect({ figures, ratios: scaling.ratios.map((ratio) => ratio < MAX_STEP_RATIO) }).toEqual({
		figures,
		ratios: [true, true],
	});
	return figures;
}
