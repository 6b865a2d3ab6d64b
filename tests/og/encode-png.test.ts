import { inflateSync } from 'node:zlib';
import { renderAsync } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { encodeIndexedPng } from '../../src/lib/og/encode-png.ts';
import { pngSize } from './png.ts';

/** The chunks of a PNG, by type (IDAT concatenated). */
function chunks(png: Uint8Array): Map<string, Uint8Array> {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const found = new Map<string, Uint8Array>();
	for (let offset = 8; offset < png.byteLength; ) {
		const length = view.getUint32(offset);
		const type = new TextDecoder().decode(png.subarray(offset + 4, offset + 8));
		const data = png.subarray(offset + 8, offset + 8 + length);
		const before = found.get(type);
		found.set(type, before ? new Uint8Array([...before, ...data]) : data);
		offset += 12 + length;
	}
	return found;
}

/** Decodes what encodeIndexedPng writes (indexed, filter 0) back to RGBA. */
function decodeIndexed(png: Uint8Array): Uint8Array {
	const { width, height } = pngSize(png);
	const parts = chunks(png);
	const palette = parts.get('PLTE') as Uint8Array;
	const alpha = parts.get('tRNS');
	const rows = inflateSync(parts.get('IDAT') as Uint8Array);
	const rgba = new Uint8Array(width * height * 4);
	for (let y = 0; y < height; y++) {
		expect(rows[y * (width + 1)]).toBe(0);
		for (let x = 0; x < width; x++) {
			const index = rows[y * (width + 1) + 1 + x] as number;
			rgba.set(palette.subarray(index * 3, index * 3 + 3), (y * width + x) * 4);
			rgba[(y * width + x) * 4 + 3] = alpha?.[index] ?? 255;
		}
	}
	return rgba;
}

/** Pixels as resvg sees them: an independent decoder. */
async function pixelsByResvg(png: Uint8Array): Promise<Uint8Array> {
	const { width, height } = pngSize(png);
	const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="${href}" width="${width}" height="${height}"/></svg>`;
	return new Uint8Array((await renderAsync(svg)).pixels);
}

function gradient(width: number, height: number, colours: number): Uint8Array {
	const rgba = new Uint8Array(width * height * 4);
	for (let i = 0; i < width * height; i++) {
		const c = i % colours;
		rgba.set([c & 255, c >> 8, 7, 255], i * 4);
	}
	return rgba;
}

describe('encodeIndexedPng', () => {
	it('writes a palette PNG that decodes to exactly the pixels it was given', async () => {
		const rgba = gradient(64, 32, 200);
		const png = encodeIndexedPng(rgba, 64, 32);
		if (!png) throw new Error('expected a PNG');
		expect(pngSize(png)).toEqual({ width: 64, height: 32 });
		expect(chunks(png).get('IHDR')?.[9]).toBe(3);
		expect(chunks(png).has('tRNS')).toBe(false);
		expect(decodeIndexed(png)).toEqual(rgba);
		expect(await pixelsByResvg(png)).toEqual(rgba);
	});

	it('keeps transparency in a tRNS chunk', () => {
		const rgba = new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 255, 128, 255, 0, 0, 255]);
		const png = encodeIndexedPng(rgba, 2, 2);
		if (!png) throw new Error('expected a PNG');
		expect(chunks(png).get('tRNS')).toEqual(new Uint8Array([255, 0, 128]));
		expect(decodeIndexed(png)).toEqual(rgba);
	});

	it('gives up on more than 256 colours, for the caller to store RGBA', () => {
		expect(encodeIndexedPng(gradient(32, 16, 256), 32, 16)).not.toBeNull();
		expect(encodeIndexedPng(gradient(32, 16, 257), 32, 16)).toBeNull();
	});

	it('writes the same bytes for the same pixels', () => {
		const rgba = gradient(40, 20, 100);
		expect(encodeIndexedPng(rgba, 40, 20)).toEqual(encodeIndexedPng(rgba, 40, 20));
	});

	it('refuses pixels that do not match the size', () => {
		expect(() => encodeIndexedPng(new Uint8Array(12), 2, 2)).toThrow(/size/);
	});
});
