/**
 * Access and refresh tokens (JWT, HS256 with config.jwtSecret). An access token lasts a working
 * shift; a refresh token longer. Both carry only the user id and their kind: roles and jurisdiction
 * are read from the database on every request, so a change counts before the token expires.
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
  iat?: number;
  exp?: number;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenClaims;
    user: TokenClaims;
  }
}

export interface IssuedTokens {
  token: string;
  refreshToken: string;
  /** When the access token expires (ISO 8601). */
  expiresAt: string;
}

/** Issues an access and a refresh token for `userId`. */
export function issueTokens(app: FastifyInstance, userId: string, now = Date.now()): IssuedTokens {
  const { ACCESS_TOKEN_TTL_MINUTES, REFRESH_TOKEN_TTL_MINUTES } = app.config;
  const iat = Math.floor(now / 1000);
  // @fastify/jwt reads a numeric expiresIn as seconds (fast-jwt's own unit is milliseconds).
  const accessSeconds = ACCESS_TOKEN_TTL_MINUTES * 60;
  const token = app.jwt.sign({ sub: userId, typ: 'access', iat }, { expiresIn: accessSeconds });
  const refreshToken = app.jwt.sign(
    { sub: userId, typ: 'refresh', iat },
    { expiresIn: REFRESH_TOKEN_TTL_MINUTES * 60 },
  );
  return { token, refreshToken, expiresAt: new Date((iat + accessSeconds) * 1000).toISOString() };
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.sub === 'string' && (v.typ === 'access' || v.typ === 'refresh');
}

/** The user id a token of `kind` stands for; 401 when it is expired, forged, malformed or of the other kind. */
export function verifyToken(app: FastifyInstance, token: string, kind: TokenKind): string {
  let claims: unknown;
  try {
    claims = app.jwt.verify<TokenClaims>(token);
  } catch (error) {
    const expired = error instanceof Error && 'code' in error && error.code === 'FAST_JWT_EXPIRED';
    throw new UnauthenticatedError(expired ? 'the token has expired' : 'the token is not valid');
  }
  if (!isClaims(claims) || claims.typ !== kind)
    throw new UnauthenticatedError(kind === 'access' ? 'not an access token' : 'not a refresh token');
  return claims.sub;
}

/** Registers @fastify/jwt with the configured secret (HS256 only, so no algorithm confusion). */
export const tokens = fp(
  async (app: FastifyInstance, options: { config: Config }) => {
    await app.register(fastifyJwt, {
      secret: options.config.jwtSecret,
      sign: { algorithm: 'HS256' },
      verify: { algorithms: ['HS256'] },
    });
  },
  { name: 'urbangrid-tokens' },
);
