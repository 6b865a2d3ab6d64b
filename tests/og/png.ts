/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG: bad signature');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const type = new TextDecoder().decode(bytes.subarray(12, 16));
	if (view.getUint32(8) !== 13 || type !== 'IHDR') throw new Error('not a PNG: IHDR is not first');
	return { width: view.getUint32(16), height: view.getUint32(20) };
}
