import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (npm run db:setup writes one to .env.local)").optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** Lab submissions each learner may make per minute (raised only for load tests, scripts/bench-grading.mjs). */
  LAB_SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1, "LAB_SUBMISSIONS_PER_MINUTE must be at least 1").default(10),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (lib/http/client-address.ts). */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0, "TRUSTED_PROXY_COUNT must be 0 or more").max(10).default(0),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** process.env, validated once; a bad value stops the app with a message naming the variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${details}`);
  }
  cached = parsed.data;
  return cached;
}
