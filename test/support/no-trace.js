// `npm test` leaves nothing behind. Jest's global setup names the run (test/harness.ts puts the
// name in its temp folders); the teardown fails the run when a temp folder of this run is still
// there, or when a plain test run rewrote test/reliability.md.
const { execFileSync } = require('child_process');
const { createHash, randomBytes } = require('crypto');
const { readFileSync, readdirSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

const REPORT = join(__dirname, '..', 'reliability.md');

const digest = (bytes) => createHash('sha256').update(bytes).digest('hex');

function hash(file) {
	try {
		return digest(readFileSync(file));
	} catch {
		return 'missing';
	}
}

/** The report as committed (a commit made during the run may change it; that is no trace). */
function committedHash() {
	try {
		return digest(execFileSync('git', ['show', 'HEAD:test/reliability.md'], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'ignore'] }));
	} catch {
		return undefined;
	}
}

/** The prefix of this run's temp folders (test/harness.ts builds the same). */
const tempPrefix = () => `lofty-n8n-${process.env.LOFTY_TEST_RUN}-`;

async function setup() {
	process.env.LOFTY_TEST_RUN = randomBytes(4).toString('hex');
	globalThis.loftyReportHash = hash(REPORT);
}

async function teardown() {
	const problems = [];
	const left = readdirSync(tmpdir()).filter((name) => name.startsWith(tempPrefix()));
	if (left.length) problems.push(`${left.length} temp folder(s) left in ${tmpdir()}: ${left.slice(0, 5).join(', ')}`);
	const now = hash(REPORT);
	if (process.env.LOFTY_RELIABILITY_REPORT !== '1' && now !== globalThis.loftyReportHash && now !== committedHash()) {
		problems.push('test/reliability.md was rewritten by a plain test run (only `npm run reliability:report` may write it)');
	}
	if (problems.length) throw new Error(`The test run left traces behind:\n  ${problems.join('\n  ')}`);
}

module.exports = setup;
module.exports.teardown = teardown;
