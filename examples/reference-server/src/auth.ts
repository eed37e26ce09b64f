/**
 * Who is calling: a bearer JWT verified with jose — an HS256 shared secret for
 * the demo (AUTH_SECRET) or the bank's identity provider's keys (AUTH_JWKS_URL)
 * — with issuer, audience and expiry checked. Its claims map to the staff
 * principal every route works as: `sub` the staff id, `role` one of core's
 * staff roles, `branch` the branch id ("HQ" for head office).
 */
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { type Actor, type StaffRole } from "@bankcrm/core";
import { STAFF_ROLES } from "@bankcrm/core/vocabulary";

export interface AuthOptions {
  /** HS256 secret (at least 32 characters). */
  secret?: string;
  /** The identity provider's JWKS URL (RS256/ES256/EdDSA keys). */
  jwksUrl?: string;
  /** Expected `iss`. Default "bankcrm-demo". */
  issuer?: string;
  /** Expected `aud`. Default "bankcrm". */
  audience?: string;
  /** Allowed clock skew in seconds. Default 30. */
  clockTolerance?: number;
}

export const DEFAULT_ISSUER = "bankcrm-demo";
export const DEFAULT_AUDIENCE = "bankcrm";

/** The caller: a member of staff, and the OAuth scopes their token grants beyond their role (`bankcrm:load` for data feeds). */
export type Principal = Actor & { branchId: string; scopes: readonly string[] };

/**
 * A customer signed in to a channel of their own (internet banking, the app): a token whose `sub` is their customer
 * id and whose `role` is `customer`. They reach only the portal's routes (`/me…`), about themselves; no scope claim
 * is honoured for them.
 */
export interface CustomerPrincipal {
  kind: "customer";
  id: string;
  customerId: string;
}

/** The role claim of a customer's token. */
export const CUSTOMER_ROLE = "customer";

/** Whoever a verified token names: a member of staff, or a customer. */
export type Caller = Principal | CustomerPrincipal;

export const isCustomer = (caller: Caller): caller is CustomerPrincipal =>
  (caller as { kind?: unknown }).kind === "customer";

/** The scope of a data feed's token: bulk import and replacing records of the bank's systems (customers, holdings…). */
export const LOAD_SCOPE = "bankcrm:load";

/** Why a token was refused, for the 401's detail (never echoing the token). */
export class AuthError extends Error {
  override name = "AuthError";
}

export type Verifier = (token: string) => Promise<Caller>;

/** Reads the auth settings from the environment (AUTH_SECRET / AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE). */
export function authFromEnv(env: NodeJS.ProcessEnv = process.env): AuthOptions {
  return {
    ...(env.AUTH_SECRET ? { secret: env.AUTH_SECRET } : {}),
    ...(env.AUTH_JWKS_URL ? { jwksUrl: env.AUTH_JWKS_URL } : {}),
    ...(env.AUTH_ISSUER ? { issuer: env.AUTH_ISSUER } : {}),
    ...(env.AUTH_AUDIENCE ? { audience: env.AUTH_AUDIENCE } : {}),
  };
}

const secretKey = (secret: string) => {
  if (secret.length < 32) throw new AuthError("AUTH_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)");
  return new TextEncoder().encode(secret);
};

/** The principal a verified token's claims name, or an AuthError. */
export function principalOf(payload: JWTPayload): Caller {
  const { sub, role, branch, scope } = payload as JWTPayload & { role?: unknown; branch?: unknown; scope?: unknown };
  if (role === CUSTOMER_ROLE) {
    if (typeof sub !== "string" || sub === "") throw new AuthError("the token names no customer (sub)");
    return { kind: "customer", id: sub, customerId: sub };
  }
  if (typeof sub !== "string" || sub === "") throw new AuthError("the token names no staff member (sub)");
  if (typeof role !== "string" || !(STAFF_ROLES as readonly string[]).includes(role))
    throw new AuthError("the token's role is not a staff role");
  if (typeof branch !== "string" || branch === "") throw new AuthError("the token names no branch");
  const scopes = typeof scope === "string" ? scope.split(" ").filter(Boolean) : [];
  return { id: sub, role: role as StaffRole, branchId: branch, scopes };
}

export function createVerifier(options: AuthOptions): Verifier {
  if (!options.secret && !options.jwksUrl)
    throw new AuthError("set AUTH_SECRET (HS256, for the demo) or AUTH_JWKS_URL (the identity provider's keys)");
  const secret = options.jwksUrl ? undefined : secretKey(options.secret!);
  // One key function either way: the provider's key set, or the shared secret.
  const key: JWTVerifyGetKey = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : () => secret!;
  const verifyOptions = {
    issuer: options.issuer ?? DEFAULT_ISSUER,
    audience: options.audience ?? DEFAULT_AUDIENCE,
    clockTolerance: options.clockTolerance ?? 30,
    requiredClaims: ["exp", "sub"],
    ...(options.jwksUrl ? {} : { algorithms: ["HS256"] }),
  };
  // A verified token's principal is kept until the token expires: the signature is checked once per token, not per
  // request (bounded; a token seen again after its expiry is verified again, and refused).
  const verified = new Map<string, { principal: Caller; exp: number }>();
  return async (token) => {
    const kept = verified.get(token);
    if (kept && kept.exp * 1000 > Date.now()) return kept.principal;
    try {
      const { payload } = await jwtVerify(token, key, verifyOptions);
      const principal = principalOf(payload);
      if (verified.size >= 10_000) verified.clear();
      verified.set(token, { principal, exp: payload.exp! });
      return principal;
    } catch (error) {
      if (error instanceof AuthError) throw error;
      // jose's codes say what failed (expired, wrong audience, bad signature) without the token.
      throw new AuthError((error as { code?: string }).code ?? "invalid token");
    }
  };
}

/** A demo token for one member of staff (HS256, 8 hours unless told), as `pnpm reference-server token` prints. */
export async function signDemoToken(
  staff: { id: string; role: StaffRole; branchId: string },
  options: AuthOptions & { expiresIn?: string | number; scopes?: readonly string[] } = {},
): Promise<string> {
  if (!options.secret) throw new AuthError("set AUTH_SECRET to sign demo tokens");
  return new SignJWT({
    role: staff.role,
    branch: staff.branchId,
    ...(options.scopes?.length ? { scope: options.scopes.join(" ") } : {}),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(staff.id)
    .setIssuer(options.issuer ?? DEFAULT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "8h")
    .sign(secretKey(options.secret));
}

/** A demo token for a customer of the demo bank (HS256, 1 hour unless told): what internet banking's sign-in gives. */
export async function signCustomerToken(
  customerId: string,
  options: AuthOptions & { expiresIn?: string | number } = {},
): Promise<string> {
  if (!options.secret) throw new AuthError("set AUTH_SECRET to sign demo tokens");
  return new SignJWT({ role: CUSTOMER_ROLE })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(customerId)
    .setIssuer(options.issuer ?? DEFAULT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "1h")
    .sign(secretKey(options.secret));
}
