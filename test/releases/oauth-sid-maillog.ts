// maillog_file under the real sasl-xoauth2 plugin (npm run releases:oauth): Postfix then writes its own
// file through postlogd, while the plugin calls syslog(3) itself — its lines reach the syslog receiver at
// /dev/log (the chroot's mail.log), never maillog_file. A refresh that fails (the OAuth client deleted at
// the fake) leaves Postfix's "bad protocol / cancel" in maillog_file without the plugin's reason: doctor
// must say oauth-plugin-unheard (and where the plugin's lines went), not guess. The client back, main.cf as
// it was, the waiting message goes out.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { queueDrains, type SidOauth, tokenExpired } from './oauth-sid-consent.js';

const maillog = '/var/log/postfix.log';

export async function pluginUnheard(s: SidOauth, client: string): Promise<void> {
  await s.m.run(['postconf', '-e', `maillog_file=${maillog}`]);
  await s.m.run(['/etc/init.d/postfix', 'restart']);
  const secret = s.oauth.options.clients[client]!.secret;
  delete s.oauth.options.clients[client];
  await tokenExpired(s);
  const from = s.m.syslog!.lines.length;
  const sent = await s.wizard(['test', '--json', '--wait', '30']);
  assert.notEqual(sent.code, 0, `the test message went out:\n${sent.stdout}`);
  const plugin = s.m.syslog!.lines.slice(from).filter((l) => l.includes('[sasl-xoauth2]'));
  const file = await readFile(join(s.m.root, maillog), 'utf8');
  s.say(`maillog_file = ${maillog}: test exit ${sent.code}; the plugin's lines went to /dev/log:`);
  for (const line of plugin) s.say(`  ${line}`);
  s.say(`and ${maillog} (postlogd) has:`);
  for (const line of file.split('\n').filter((l) => /sasl|SASL|status=deferred/.test(l))) s.say(`  ${line}`);
  assert.ok(plugin.length > 0, 'the plugin logged through syslog(3)');
  assert.ok(!file.includes('[sasl-xoauth2]'), 'no plugin line in maillog_file');
  assert.match(file, /status=deferred \(SASL authentication failed; cannot authenticate to server/);
  const doctor = await s.wizard(['doctor', '--json']);
  const problems = (doctor.outcome.doctor?.problems ?? []) as { code: string; evidence: string[] }[];
  const unheard = problems.find((p) => p.code === 'oauth-plugin-unheard');
  s.say(`doctor: exit ${doctor.code}, ${problems.map((p) => `${p.code} (${p.evidence.join('; ')})`).join(', ')}`);
  assert.ok(unheard, `doctor names oauth-plugin-unheard: ${doctor.stdout}`);
  assert.ok(unheard.evidence.includes(`maillog_file = ${maillog}`), unheard.evidence.join('\n'));
  assert.ok(unheard.evidence.includes('/dev/log: present'), unheard.evidence.join('\n'));
  assert.ok(!problems.some((p) => p.code === 'mail-deferred'), 'not left as an unknown deferral');
  assert.ok(!problems.some((p) => p.code === 'login-refused'), 'no login tried with the token path');
  s.oauth.options.clients[client] = { secret };
  await s.m.run(['postconf', '-X', 'maillog_file']);
  await s.m.run(['/etc/init.d/postfix', 'restart']);
  await queueDrains(s);
  s.say('the client back and maillog_file taken out: the waiting message left');
}
