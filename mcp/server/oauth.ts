// OAuth 2.1 resource server for `callbridge mcp --http` (the MCP authorization spec): the protected
// resource metadata (RFC 9728) names the configured issuer; a request without a valid access token gets
// 401 with `WWW-Authenticate: Bearer resource_metadata="…"`; access tokens are JWTs checked against the
// issuer's JWKS (jose), with the issuer, the audience and the expiry checked. The token's scopes select
// the tools: calls:read (reading), tasks:write (task management), calls:place (dialling).
import { OAuthMetadataSchema } from '@modelcontextprotocol/core';
import { buildOAuthProtectedResourceMetadata, getOAuthProtectedResourceMetadataUrl, OAuthError, OAuthErrorCode, type AuthInfo, type OAuthMetadata, type OAuthProtectedResourceMetadata } from '@modelcontextprotocol/server';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { CallbridgeError } from '../../core/errors.js';
import { settingHint } from '../guardrails/config.js';
import { SCOPES } from '../tools/define.js';

export interface OAuthResource {
  /** Where the protected resource metadata is served (path of the well-known URL). */
  metadataPath: string;
  metadataUrl: string;
  metadata: OAuthProtectedResourceMetadata;
  /** The token's identity and scopes; throws OAuthError(invalid_token) when it is not valid here. */
  verify(token: string): Promise<AuthInfo>;
}

/** The issuer's metadata (RFC 8414, else OpenID Connect discovery). */
async function discover(issuer: string): Promise<OAuthMetadata> {
  const base = issuer.replace(/\/+$/, '');
  for (const path of ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration']) {
    const res = await fetch(`${base}${path}`).catch(() => undefined);
    if (!res?.ok) continue;
    const parsed = OAuthMetadataSchema.safeParse(await res.json());
    if (parsed.success) return parsed.data;
  }
  throw new CallbridgeError({ kind: 'config', field: 'oauthIssuer', message: `no OAuth authorization server metadata at ${base} (tried RFC 8414 and OpenID discovery); check ${settingHint('oauthIssuer')}.` });
}

function isLoopbackUrl(url: string): boolean {
  return /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i.test(url);
}

export async function oauthResource(options: { issuer: string; audience?: string; publicUrl: string }): Promise<OAuthResource> {
  const metadataOfIssuer = await discover(options.issuer);
  if (!metadataOfIssuer.jwks_uri) throw new CallbridgeError({ kind: 'config', field: 'oauthIssuer', message: `the issuer ${options.issuer} publishes no jwks_uri: its access tokens cannot be checked.` });
  const jwks = createRemoteJWKSet(new URL(metadataOfIssuer.jwks_uri));
  const resourceUrl = new URL(options.publicUrl);
  const audience = options.audience ?? options.publicUrl;
  const metadataUrl = getOAuthProtectedResourceMetadataUrl(resourceUrl);
  const metadata = buildOAuthProtectedResourceMetadata({
    oauthMetadata: metadataOfIssuer,
    resourceServerUrl: resourceUrl,
    scopesSupported: [...SCOPES],
    resourceName: 'callbridge',
    dangerouslyAllowInsecureIssuerUrl: isLoopbackUrl(metadataOfIssuer.issuer),
  });
  return {
    metadataPath: new URL(metadataUrl).pathname,
    metadataUrl,
    metadata,
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, jwks, { issuer: metadataOfIssuer.issuer, audience });
        const scope = typeof payload.scope === 'string' ? payload.scope : '';
        const clientId = typeof payload.client_id === 'string' ? payload.client_id : (payload.sub ?? 'unknown');
        return { token, clientId, scopes: scope.split(' ').filter(Boolean), expiresAt: payload.exp, resource: resourceUrl };
      } catch (error) {
        throw new OAuthError(OAuthErrorCode.InvalidToken, `the access token is not valid for this server: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
