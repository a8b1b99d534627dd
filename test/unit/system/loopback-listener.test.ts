// OAuth's loopback listener (system/loopback-listener.ts) with real sockets on 127.0.0.1: it listens
// on loopback only, answers stray requests 404 and keeps listening, ends the wait on the answer or a
// refusal with the page for each, and is closed after its one answer (or when told, twice if need be).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { listenLoopback, type LoopbackVerdict } from '../../../src/system/loopback-listener.js';
import { fetchPage } from '../../support/consent-browser.js';
import { isListening } from '../../support/free-port.js';

const pages = { taken: 'TAKEN', refused: 'REFUSED', ignored: 'IGNORED' };
const judge = (q: URLSearchParams): LoopbackVerdict =>
  q.get('state') === 'good' ? 'take' : q.has('state') ? 'refuse' : 'ignore';

describe('system/loopback-listener', () => {
  it('listens on 127.0.0.1 only, on a free port', async () => {
    const listener = await listenLoopback('/', judge, pages);
    try {
      assert.ok(listener.port > 0);
      assert.equal(await isListening(listener.port, '127.0.0.1'), true);
      assert.equal(await isListening(listener.port, '::1'), false);
    } finally {
      await listener.close();
    }
  });

  it('a stray request (another path, no answer, not GET) gets 404 and the wait goes on; the answer ends it and closes the listener', async () => {
    const listener = await listenLoopback('/', judge, pages);
    const base = `http://127.0.0.1:${listener.port}`;
    let settled = false;
    void listener.answer.then(() => (settled = true));
    assert.deepEqual(await fetchPage(`${base}/favicon.ico`), { status: 404, body: 'IGNORED' });
    assert.deepEqual(await fetchPage(`${base}/other?state=good&code=x`), { status: 404, body: 'IGNORED' });
    assert.deepEqual(await fetchPage(`${base}/`), { status: 404, body: 'IGNORED' });
    const post = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}/?state=good&code=x`, { method: 'POST' }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(post, 404);
    assert.equal(settled, false, 'nothing stray ended the wait');
    const page = await fetchPage(`${base}/?state=good&code=4%2F0A`);
    assert.deepEqual(page, { status: 200, body: 'TAKEN' });
    const { verdict, query } = await listener.answer;
    assert.equal(verdict, 'take');
    assert.equal(query.get('code'), '4/0A');
    await listener.close();
    assert.equal(await isListening(listener.port), false, 'nothing listens once the answer is in');
  });

  it('a refusal (a wrong state) gets the refused page and the wait goes on: another user cannot end it', async () => {
    const listener = await listenLoopback('/', judge, pages);
    const page = await fetchPage(`http://127.0.0.1:${listener.port}/?state=evil&code=x`);
    assert.deepEqual(page, { status: 400, body: 'REFUSED' });
    assert.equal(await isListening(listener.port), true, 'still listening');
    assert.deepEqual(await fetchPage(`http://127.0.0.1:${listener.port}/?state=good&code=y`), {
      status: 200,
      body: 'TAKEN',
    });
    const { verdict, query } = await listener.answer;
    assert.deepEqual([verdict, query.get('code')], ['take', 'y']);
    await listener.close();
  });

  it('closed before any answer (Ctrl-C): nothing listens, a second close is harmless', async () => {
    const listener = await listenLoopback('/', judge, pages);
    await listener.close();
    await listener.close();
    assert.equal(await isListening(listener.port), false);
  });
});
