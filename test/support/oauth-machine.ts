// A Debian 12 fake machine ready for setup --auth oauth: Postfix, the postfix user, a Desktop
// client JSON and a token file (root-only), and Google's token and revocation endpoints answering
// for that client; the sasl-xoauth2 plugin in place unless { plugin: false }.
import { installFakePostfix } from './fake-postfix.js';
import { FakeSystem } from './fake-system.js';

export const oauthSecrets = {
  ACCOUNT: 'ops@gmail.com',
  CLIENT_ID: '42-test.apps.googleusercontent.com',
  SECRET: 'GOCSPX-flow-client-secret',
  REFRESH: '1//flow-refresh-token-value',
  ACCESS: 'ya29.flow-access-token',
  TOKEN_URI: 'https://oauth2.googleapis.com/token',
};
export const oauthPlugin = '/usr/lib/x86_64-linux-gnu/sasl2/libsasl-xoauth2.so';
export const oauthArgs = ['--account', oauthSecrets.ACCOUNT, '--auth', 'oauth', '--oauth-client', '/root/client.json'];
export const oauthHeadless = [...oauthArgs, '--oauth-token-file', '/root/token.json', '--yes', '--no-test'];

/** consentSeconds: the consent screen is in Testing — each refresh says what is left (refresh_token_expires_in). */
export function oauthMachine(options: { plugin?: boolean; consentSeconds?: number } = {}): FakeSystem {
  const { CLIENT_ID, SECRET, REFRESH, ACCESS, TOKEN_URI } = oauthSecrets;
  const sys = new FakeSystem();
  installFakePostfix(sys);
  sys.put('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\npostfix:x:104:111::/var/spool/postfix:/usr/sbin/nologin\n');
  if (options.plugin !== false) sys.put(oauthPlugin, 'ELF');
  const client = {
    installed: {
      client_id: CLIENT_ID,
      client_secret: SECRET,
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: TOKEN_URI,
    },
  };
  sys.put('/root/client.json', JSON.stringify(client), 0o600);
  sys.put('/root/token.json', JSON.stringify({ refresh_token: REFRESH }), 0o600);
  sys.postResult = (url, form) =>
    url === 'https://oauth2.googleapis.com/revoke' && form.token === REFRESH
      ? { status: 200, body: '' }
      : url === TOKEN_URI && form.refresh_token === REFRESH && form.client_secret === SECRET
        ? {
            status: 200,
            body: JSON.stringify({
              access_token: ACCESS,
              expires_in: 3599,
              token_type: 'Bearer',
              ...(options.consentSeconds !== undefined ? { refresh_token_expires_in: options.consentSeconds } : {}),
            }),
          }
        : {
            status: 400,
            body: JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
          };
  return sys;
}
