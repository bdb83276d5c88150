/** Page arithmetic shared by the server-paged lists (the audit log) and the ones paged in the page (安否確認). */

/** How many pages `total` items fill; an empty list still has its one (empty) page. */
export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize))

/** `page` kept within the list: a list that shrank under the reader shows its last page. */
export const clampPage = (page: number, total: number, pageSize: number): number => Math.min(Math.max(1, page), pageCount(total, pageSize))

/** The items of one page (1-based), clamped to the list. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): readonly T[] {
  const start = (clampPage(page, items.length, pageSize) - 1) * pageSize
  return items.slice(start, start + pageSize)
}
