import { unzipSync, zipSync } from 'fflate';
import { DATA_FILE_LIMITS } from '../../../schemas/data-file.ts';
import { clipText } from '../../state/cap-snapshot.ts';
import type { SchemaRead } from './schema-read.ts';

export interface ZipMemberInfo {
	name: string;
	/** Uncompressed size the archive declares. */
	bytes: number;
}

/** Every member the central directory lists, with its declared size; nothing is decompressed. */
export function listZipMembers(bytes: Uint8Array): ZipMemberInfo[] {
	const members: ZipMemberInfo[] = [];
	unzipSync(bytes, {
		filter: (file) => {
			members.push({ name: file.name, bytes: file.originalSize });
			return false;
		},
	});
	return members;
}

/** An Office Open XML workbook is a ZIP with a workbook part. */
export function isWorkbook(members: readonly ZipMemberInfo[]): boolean {
	return members.some((m) => m.name === 'xl/workbook.xml');
}

/** The members of a ZIP file held whole. */
export function readZip(bytes: Uint8Array): SchemaRead {
	const members = listZipMembers(bytes);
	const kept = members.slice(0, DATA_FILE_LIMITS.members).map((m) => ({
		name: clipText(m.name, DATA_FILE_LIMITS.nameChars),
		bytes: m.bytes,
	}));
	return {
		parser: 'fflate',
		columns: [],
		columnsTruncated: false,
		rows: null,
		rowsComplete: false,
		members: kept,
		...(isWorkbook(members) ? { kind: 'xlsx' as const } : {}),
		...(kept.length < members.length
			? { note: `${members.length} members; the first ${kept.length} are listed` }
			: {}),
	};
}

/**
 * The archive again, each member decompressed into a buffer of the size the archive declares
 * (fflate writes no further, whatever the data holds) and stored uncompressed. A reader that
 * trusts the data instead of the declared sizes (exceljs, through JSZip) then cannot be made to
 * inflate a bomb: the caller has checked the declared sizes' total first.
 */
export function restoreWithinDeclaredSizes(bytes: Uint8Array): Uint8Array {
	return zipSync(unzipSync(bytes), { level: 0 });
}
