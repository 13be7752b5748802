import { expose } from "comlink";
import { createAnalyzeSession } from "./session";

/**
 * The analyze page's web worker: reads the dropped files, reviews the snapshot and computes
 * the matrix off the main thread, so the page stays responsive on a 1,000-VPC account and
 * Cancel can simply terminate it. Loaded with `new Worker(new URL(…), import.meta.url)`, a
 * same-origin script the CSP's `worker-src 'self'` allows.
 */
expose(createAnalyzeSession());
