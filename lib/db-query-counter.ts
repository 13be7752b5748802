import { db } from "./db";

/**
 * A client that counts the queries it sends, for tests and benchmarks that prove a page's
 * query count is bounded (lib/classes' matrix). Prisma types an extended client apart from the
 * base one although it has the same methods, hence the one cast here.
 */
export function countingClient(base: typeof db = db): { client: typeof db; count: () => number; reset: () => void } {
  let queries = 0;
  const extended = base.$extends({
    query: {
      $allModels: {
        async $allOperations({ args, query }) {
          queries += 1;
          return query(args);
        },
      },
    },
  });
  return { client: extended as unknown as typeof db, count: () => queries, reset: () => void (queries = 0) };
}
