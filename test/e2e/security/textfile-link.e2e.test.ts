// check --textfile runs as root from a timer, every few minutes, and writes into node_exporter's
// textfile folder. On Debian that is /var/lib/prometheus/node-exporter (root's), inside
// /var/lib/prometheus, which belongs to the prometheus user (the package's postinst chowns it):
// that user can rename node-exporter away and put a symlink of theirs in its place, pointing at
// /etc or any folder. Root must not follow it: the metrics file would be created, or a file of
// that name replaced, wherever they chose. A link of root's own on the way is still followed.
import assert from 'node:assert/strict';
import { chown, lchown, mkdir, readdir, rename, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { postfixSkipReason } from '../../support/postfix-instance.js';
import { startRelayLab, type RelayLab } from '../../support/relay-lab.js';
import { runWizard } from '../../support/wizard-process.js';

const NOBODY = 65534;

describe('check --textfile: no symlink another user planted on the way is followed', {
  skip: postfixSkipReason(),
}, () => {
  let lab: RelayLab;
  let theirs: string;
  let textfile: string;
  let victim: string;
  before(async () => {
    lab = await startRelayLab('e2e-textfile-link', {});
    theirs = join(lab.tmp, 'prometheus'); // /var/lib/prometheus, the prometheus user's
    textfile = join(theirs, 'node-exporter'); // root's, as the package ships it
    victim = join(lab.tmp, 'etc'); // a folder of the system's
    await mkdir(textfile, { recursive: true });
    await chown(theirs, NOBODY, NOBODY);
    await mkdir(victim);
  });
  after(async () => lab?.close());

  const check = () => runWizard(['check', '--config-dir', lab.postfix.configDir, '--textfile', textfile]);

  it('control: the metrics are written into the real folder', async () => {
    const run = await check();
    assert.deepEqual(await readdir(textfile), ['postfix_gmail_wizard.prom'], run.stdout + run.stderr);
  });

  it("the folder swapped for the prometheus user's symlink: nothing lands where it points, and check says so", async () => {
    await rename(textfile, `${textfile}.moved`);
    await symlink(victim, textfile);
    await lchown(textfile, NOBODY, NOBODY);
    const run = await check();
    assert.deepEqual(await readdir(victim), [], 'root wrote through the planted link');
    assert.match(run.stdout, /symlink/, run.stdout);
  });

  it("a link of root's own on the way is followed", async () => {
    const own = join(lab.tmp, 'own-link');
    await symlink(`${textfile}.moved`, own);
    const run = await runWizard(['check', '--config-dir', lab.postfix.configDir, '--textfile', own]);
    assert.ok((await readdir(`${textfile}.moved`)).includes('postfix_gmail_wizard.prom'), run.stdout + run.stderr);
  });
});
