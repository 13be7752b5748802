/** Rows of the progress matrix, and learners of the roster, per page: a class of 500 stays a light page. */
export const CLASS_PAGE_SIZE = 25;

/** The page shown for a requested one (past the end: the last), and the items it holds, `from` to `to` (exclusive). */
export type PageWindow = { page: number; pages: number; from: number; to: number; total: number };

export function pageWindow(total: number, requested: number, size: number = CLASS_PAGE_SIZE): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pages);
  return { page, pages, from: (page - 1) * size, to: Math.min(page * size, total), total };
}
