/**
 * The answer to "may this actor do this?". A denial carries the status a route should answer
 * with: 401 when signing in could change the answer, 404 when even the existence of the thing
 * must not be revealed (another learner's attempt, a class one does not belong to), 403 otherwise.
 */
export type Decision = { allowed: true } | { allowed: false; status: 401 | 403 | 404; reason: string };

export const allow: Decision = { allowed: true };
export const deny = (status: 401 | 403 | 404, reason: string): Decision => ({ allowed: false, status, reason });
