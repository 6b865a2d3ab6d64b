import { createRequire } from 'node:module';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { listZipMembers, restoreWithinDeclaredSizes } from '../../src/lib/verify/files/read-zip.ts';

const { zipSync } = createRequire(import.meta.url)('fflate') as {
	zipSync(files: Record<string, Uint8Array>): Uint8Array;
};

/**
 * A ZIP whose one member declares 100 bytes but inflates to 8 MB: the shape of a workbook bomb,
 * where a reader trusting the data (JSZip, inside exceljs) inflates it all. The declared sizes are
 * patched in the local header (offset 22) and the central directory entry (offset 24).
 */
function lyingZip(): Uint8Array {
	const zip = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) });
	const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
	for (let i = 0; i + 4 <= zip.length; i += 1) {
		const signature = view.getUint32(i, true);
		if (signature === 0x04034b50) view.setUint32(i + 22, 100, true);
		if (signature === 0x02014b50) view.setUint32(i + 24, 100, true);
	}
	return zip;
}

describe('a ZIP member that lies about its size', () => {
	it('is restored no larger than it declares, so the workbook reader inflates no more', async () => {
		const zip = lyingZip();
		expect(listZipMembers(zip)).toEqual([{ name: 'xl/worksheets/sheet1.xml', bytes: 100 }]);
		const restored = await JSZip.loadAsync(restoreWithinDeclaredSizes(zip));
		const sheet = await restored.file('xl/worksheets/sheet1.xml')?.async('uint8array');
		expect(sheet?.length).toBe(100);
	});
});
