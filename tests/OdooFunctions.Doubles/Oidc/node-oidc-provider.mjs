// node-oidc-provider (npm `oidc-provider`, a certified OpenID Provider) over HTTPS on 127.0.0.1, for the app's token
// tests. It issues client-credentials JWT access tokens (resource indicators, RS256) with the client's `roles`.
// Started and stopped by OidcProviderProcess.cs; not a stand-in: discovery, JWKS and the token endpoint are the
// library's own.
//
// Environment: OIDC_TLS_CERT and OIDC_TLS_KEY (PEM files: the server certificate, issued by the test's CA, and its
// key), OIDC_CLIENTS (JSON: [{ "id", "secret", "roles": [..] }]), OIDC_AUDIENCES (JSON: { resource: audience } for
// resources whose tokens carry another audience than the resource itself, as Entra ID's v2 tokens carry a client id).
// Prints one JSON line when ready: { "issuer": "https://127.0.0.1:<port>", "admin": "http://127.0.0.1:<port>" }.
//
// The admin endpoint (plain HTTP, loopback) lets a test see and change what a real operator would:
//   GET  /requests  how many requests each provider path got, e.g. { "/.well-known/openid-configuration": 3, "/jwks": 3 }
//   POST /rotate    a new signing key (new kid); the old one leaves the JWKS at once, as after a compromise.
// Rotation re-creates the Provider with the new JWKS: node-oidc-provider reads its keys once, at construction, and a
// real deployment rotates by restarting with a new JWKS. Re-creating it in this process does the same while keeping
// the port (a restarted process could not be sure to get it back) and the request counts.
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';

const clients = JSON.parse(process.env.OIDC_CLIENTS ?? '[]');
const audiences = JSON.parse(process.env.OIDC_AUDIENCES ?? '{}');
const requests = {};
let signingKey = newSigningKey();
let handle;

function newSigningKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: `key-${randomUUID()}`, alg: 'RS256', use: 'sig' };
}

function createProvider(issuer) {
  const created = new Provider(issuer, {
    clients: clients.map((client) => ({
      client_id: client.id,
      client_secret: client.secret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_post',
      roles: client.roles ?? [],
    })),
    extraClientMetadata: { properties: ['roles'] },
    jwks: { keys: [signingKey] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Any resource the client names gets a JWT access token for it.
        getResourceServerInfo: (_ctx, resource) => ({
          scope: 'api',
          audience: audiences[resource] ?? resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: (ctx) => ({ roles: ctx.oidc.client?.roles ?? [] }),
  });
  created.use(async (ctx, next) => {
    requests[ctx.path] = (requests[ctx.path] ?? 0) + 1;
    await next();
  });
  return created;
}

const server = createHttpsServer(
  { cert: readFileSync(process.env.OIDC_TLS_CERT), key: readFileSync(process.env.OIDC_TLS_KEY) },
  (req, res) => handle(req, res),
);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `https://127.0.0.1:${server.address().port}`;
handle = createProvider(issuer).callback();

const admin = createHttpServer((req, res) => {
  const reply = (body) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && req.url === '/requests') {
    reply(requests);
  } else if (req.method === 'POST' && req.url === '/rotate') {
    signingKey = newSigningKey();
    handle = createProvider(issuer).callback();
    reply({ kid: signingKey.kid });
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => admin.listen(0, '127.0.0.1', resolve));

console.log(JSON.stringify({ issuer, admin: `http://127.0.0.1:${admin.address().port}` }));
