import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { signInErrorMessage, verifyCredentials } from "./credentials";
import { parseRole } from "./roles";

/**
 * next-auth's cookies are HttpOnly and SameSite=Lax always; with secure cookies they are also
 * Secure and named with the `__Secure-` (session, callback URL) or `__Host-` (CSRF token)
 * prefix, which browsers only accept over HTTPS. On when the app is published at an https
 * NEXTAUTH_URL (docs/decisions/007-security-headers-and-csp.md).
 */
export function usesSecureCookies(nextAuthUrl: string | undefined): boolean {
  return nextAuthUrl?.startsWith("https://") ?? false;
}

export const authOptions: NextAuthOptions = {
  // The Credentials provider only works with JWT sessions (docs/decisions/003-jwt-sessions.md).
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  useSecureCookies: usesSecureCookies(env().NEXTAUTH_URL),
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const address = clientAddress(req.headers ?? {}, env().TRUSTED_PROXY_COUNT);
        const result = await verifyCredentials({ email: credentials?.email, password: credentials?.password }, { clientAddress: address });
        // next-auth hands the message of a thrown error to the sign-in form as `error`.
        if (!result.ok) throw new Error(signInErrorMessage(result));
        return result.user;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = parseRole((user as { role?: unknown }).role);
        token.name = user.name;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.role = parseRole(token.role);
      }
      return session;
    },
  },
};
