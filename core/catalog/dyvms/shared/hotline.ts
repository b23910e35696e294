// Building blocks shared by the dyvms 400-hotline operations (qualification, forwarding filings,
// forwarding configuration and records). This folder is not an operation (scripts/gen.ts only picks
// up the .ts files directly inside core/catalog/dyvms/).
import { z } from 'zod';
import { int, list, num } from '../../../fields.js';
import { jsonData, numericId } from './fields.js';

/** A 400 number: digits only. */
export function hotlineNumber() {
  return z.string().regex(/^\d{3,20}$/, 'must be a hotline number (digits)').describe('The 400 number.');
}

/** QualificationId as the hotline APIs take it. */
export function qualificationId() {
  return numericId().describe('Qualification ID (from dyvms.GetHotlineQualificationByOrder).');
}

/** Automatic paging of the hotline lists: PageNo/PageSize in, Data.Values and Data.Total out, 10 at most per page. */
export const hotlinePagination = { pageParam: 'PageNo', sizeParam: 'PageSize', maxPageSize: 10, itemsPath: 'Data.Values', totalPath: 'Data.Total' } as const;

export function hotlinePageNo() {
  return int(1).default(1).describe('Page number, from 1 (default 1; required by the vendor, so always sent).');
}

/** PageSize of a hotline list of `items` ("Numbers", "Filings", "Records"). */
export function hotlinePageSize(items: string) {
  return int(1, 10).default(10).describe(`${items} per page, 1-10 (default 10; required by the vendor, so always sent).`);
}

/** One page of a hotline list (Data, JSON text): { PageNo, PageSize, Total, Values }, counting `items` ("numbers", ...). */
export function hotlinePage<T extends z.ZodType>(item: T, items: string) {
  return jsonData(
    z.looseObject({
      PageNo: num().optional().describe('Page number.'),
      PageSize: num().optional().describe('Page size.'),
      Total: num().optional().describe(`Total ${items}.`),
      Values: list(item)
        .optional()
        .describe(`${items.charAt(0).toUpperCase()}${items.slice(1)} on this page.`),
    }),
  )
    .optional()
    .describe('The page.');
}
