import type { DataColumn } from '../../../schemas/data-file.ts';
import type { SniffedKind } from './sniff-media-type.ts';

/** What a format reader found in a file's bytes: the part of a DataFile it fills in. */
export interface SchemaRead {
	parser: string;
	columns: DataColumn[];
	columnsTruncated: boolean;
	rows: number | null;
	rowsComplete: boolean;
	encoding?: string;
	delimiter?: string;
	members?: { name: string; bytes: number }[];
	/** The reader knows better than the sniffer (a ZIP that is an XLSX workbook). */
	kind?: SniffedKind;
	/** What was left out, or why nothing was read. */
	note?: string;
}

/** Rows looked at for types; more are counted, not typed. */
export const TYPED_ROWS = 1000;
