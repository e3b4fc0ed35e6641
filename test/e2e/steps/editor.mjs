export async function editorStep() {
	throw new Error('not written yet');
}
