import { LIMITS } from "@/lib/http/limits";

/** Only same-site paths are followed after sign-in, so a crafted link cannot send people elsewhere. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > LIMITS.callbackPathChars) return "/dashboard";
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/dashboard";
  return value;
}
