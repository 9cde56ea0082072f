/**
 * Access and refresh tokens (JWT, HS256 with config.jwtSecret). Both name the user and the session
 * (user_sessions) they belong to, and must carry `exp`: a token without one is refused. An access
 * token lasts minutes; a refresh token carries its session's generation, so a refresh token that
 * was already exchanged is recognised as replayed (sessions.ts). Roles and jurisdiction are never
 * in a token: they are read with the session, so a change counts before the token expires.
 */
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import { UnauthenticatedError } from '../errors.js';

export type TokenKind = 'access' | 'refresh';

export interface TokenClaims {
  sub: string;
  typ: TokenKind;
  /** The session (user_sessions.id). */
  sid: string;
  /** The session's generation a refresh token was issued for. */
  gen?: number;
  iat?: number;
  exp: number;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    // What may be signed: tests sign incomplete tokens to see them refused.
    payload: Omit<TokenClaims, 'sid' | 'exp'> & { sid?: string; exp?: number };
    user: TokenClaims;
  }
}

export interface IssuedTokens {
  token: string;
  refreshToken: string;
  /** When the access token expires (ISO 8601). */
  expiresAt: string;
}

export interface SessionRef {
  userId: string;
  sessionId: string;
  generation: number;
}

/** When a refresh token issued now expires (the session's expiry moves with it). */
export function refreshExpiry(config: Config, now = Date.now()): Date {
  return new Date(Math.floor(now / 1000) * 1000 + config.REFRESH_TOKEN_TTL_MINUTES * 60_000);
}

/** Issues the access and refresh tokens of a session's current generation. */
export function issueTokens(app: FastifyInstance, session: SessionRef, now = Date.now()): IssuedTokens {
  const { ACCESS_TOKEN_TTL_MINUTES, REFRESH_TOKEN_TTL_MINUTES } = app.config;
  const iat = Math.floor(now / 1000);
  const accessExp = iat + ACCESS_TOKEN_TTL_MINUTES * 60;
  const base = { sub: session.userId, sid: session.sessionId, iat };
  const token = app.jwt.sign({ ...base, typ: 'access', exp: accessExp });
  const refreshToken = app.jwt.sign({
    ...base,
    typ: 'refresh',
    gen: session.generation,
    exp: iat + REFRESH_TOKEN_TTL_MINUTES * 60,
  });
  return { token, refreshToken, expiresAt: new Date(accessExp * 1000).toISOString() };
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.sub === 'string' &&
    typeof v.sid === 'string' &&
    typeof v.exp === 'number' &&
    (v.typ === 'access' || (v.typ === 'refresh' && Number.isInteger(v.gen)))
  );
}

/** The claims of a token of `kind`; 401 when it is expired, forged, malformed, without exp or of the other kind. */
export function verifyToken(app: FastifyInstance, token: string, kind: TokenKind): TokenClaims {
  let claims: unknown;
  try {
    claims = app.jwt.verify<TokenClaims>(token);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'FAST_JWT_EXPIRED') throw new UnauthenticatedError('the token has expired');
    if (code === 'FAST_JWT_MISSING_REQUIRED_CLAIM')
      throw new UnauthenticatedError('the token has no expiry, so it is not accepted');
    throw new UnauthenticatedError('the token is not valid');
  }
  if (!isClaims(claims) || claims.typ !== kind)
    throw new UnauthenticatedError(kind === 'access' ? 'not an access token' : 'not a refresh token');
  return claims;
}

/** Registers @fastify/jwt with the configured secret (HS256 only, so no algorithm confusion; exp required). */
export const tokens = fp(
  async (app: FastifyInstance, options: { config: Config }) => {
    await app.register(fastifyJwt, {
      secret: options.config.jwtSecret,
      sign: { algorithm: 'HS256' },
      verify: { algorithms: ['HS256'], requiredClaims: ['exp', 'sub', 'sid'] },
    });
  },
  { name: 'urbangrid-tokens' },
);
