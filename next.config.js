/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and build-time-only packages stay out of the server bundles.
  serverExternalPackages: ["@prisma/adapter-better-sqlite3", "better-sqlite3", "@prisma/adapter-pg", "pg", "esbuild", "mdx-bundler"],
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
