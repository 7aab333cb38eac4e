// A real OpenID provider (oidc-provider, a certified implementation) for Accord's single
// sign-on journeys. Test-only. Listens on localhost (never 127.0.0.1, so the return to Accord
// on 127.0.0.1 is cross-site, as in production) and prints "issuer URL" once ready.
//
//   node provider.mjs   with environment:
//     OIDC_CLIENT       JSON {client_id, client_secret, redirect_uri, post_logout_redirect_uri?}
//     OIDC_ACCOUNTS     JSON {login: {email, name, groups, mfa?}}: who may sign in (any password)
//     OIDC_PORT         optional port (default: a free one)
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const client = JSON.parse(process.env.OIDC_CLIENT || '{}');
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || '{}');

const server = http.createServer();
await new Promise((ok) => server.listen(Number(process.env.OIDC_PORT || 0), 'localhost', ok));
const issuer = `http://localhost:${server.address().port}`;

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'ES256', use: 'sig' };

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: client.client_id,
      client_secret: client.client_secret,
      redirect_uris: [client.redirect_uri],
      post_logout_redirect_uris: client.post_logout_redirect_uri ? [client.post_logout_redirect_uri] : [],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    },
  ],
  jwks: { keys: [jwk] },
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: { acr: null, auth_time: null, sid: null, openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  // The claims go into the ID token itself (Accord reads no userinfo).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ['accord-test-provider'] },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      // The default page loads a web font: nothing here leaves the machine.
      async logoutSource(ctx, form) {
        ctx.body = page(
          'Sign out of the test provider',
          form + '<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>',
        );
      },
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const a = accounts[id];
    if (!a) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: a.email, email_verified: true, name: a.name, groups: a.groups || [] };
      },
    };
  },
});

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

// The provider's own sign-in screen: a login name (any password); a second factor is asserted
// (amr) for accounts marked mfa.
async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (prompt.name === 'login' && action === 'login' && req.method === 'POST') {
    const form = await readForm(req);
    const login = form.get('login');
    if (!accounts[login]) {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      return res.end(page('Sign in to the test provider', `<p role="alert">Unknown user</p>`));
    }
    const amr = accounts[login].mfa ? ['pwd', 'mfa'] : ['pwd'];
    return provider.interactionFinished(req, res, { login: { accountId: login, amr } }, { mergeWithLastSubmission: false });
  }
  if (prompt.name === 'login') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    return res.end(
      page(
        'Sign in to the test provider',
        `<form method="post" action="/interaction/${uid}/login">` +
          `<label>Login <input name="login" autocomplete="username"></label> ` +
          `<label>Password <input name="password" type="password"></label> ` +
          `<button type="submit">Continue</button></form>`,
      ),
    );
  }
  // Consent: granted at once for the scopes and claims asked (a first-party client).
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes || {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

const callback = provider.callback();
server.on('request', (req, res) => {
  const m = req.url.match(/^\/interaction\/([\w-]+)(?:\/(login))?/);
  if (!m) return callback(req, res);
  interaction(req, res, m[1], m[2]).catch((e) => {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(String(e));
  });
});
process.stdout.write(`issuer ${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
