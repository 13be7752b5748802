/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and build-time-only packages stay out of the server bundles.
  serverExternalPackages: ["@prisma/adapter-better-sqlite3", "better-sqlite3", "@prisma/adapter-pg", "pg", "esbuild", "mdx-bundler"],
  typescript: { tsconfigPath: "tsconfig.json" },
  experimental: {
    // The same numbers as LIMITS in lib/http/limits.ts (this file cannot import TypeScript;
    // lib/http/limits.test.ts fails if they drift apart).
    // Server actions' arguments (lesson check answers, the sign-up form): LIMITS.serverActionBodyBytes.
    serverActions: { bodySizeLimit: 64 * 1024 },
    // proxy.ts runs on every request, so Next buffers each request body for it, by default up to
    // 10 MB, silently cut there. LIMITS.proxyBodyBytes: one byte past the largest body any route
    // accepts, so that route still sees a too-large body as too large and says so.
    proxyClientMaxBodySize: 2 * 1024 * 1024 + 1,
  },
};

export default nextConfig;
