// t() and the language: picked from --lang, then the locale variables; the Japanese catalogue's
// placeholders filled in.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inLanguage, pickLang, t, wordsFor, type MessageKey } from '../../../src/ui/messages.js';
import { en } from '../../../src/ui/text/en.js';
import { ja } from '../../../src/ui/text/ja.js';
import { placeholders } from './text/catalogue-tokens.js';

describe('pickLang', () => {
  it('--lang wins over every locale variable', () => {
    assert.equal(pickLang('en', { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(pickLang('ja', { LC_ALL: 'C.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(pickLang('ja', {}), 'ja');
  });

  it('reads LANG', () => {
    assert.equal(pickLang(undefined, { LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(pickLang(undefined, { LANG: 'ja_JP.eucJP' }), 'ja');
    assert.equal(pickLang(undefined, { LANG: 'ja' }), 'ja');
    assert.equal(pickLang(undefined, { LANG: 'C.UTF-8' }), 'en');
    assert.equal(pickLang(undefined, { LANG: 'en_US.UTF-8' }), 'en');
    assert.equal(pickLang(undefined, { LANG: 'C' }), 'en');
    assert.equal(pickLang(undefined, { LANG: 'POSIX' }), 'en');
  });

  it('falls back to English when nothing is set', () => {
    assert.equal(pickLang(undefined, {}), 'en');
    assert.equal(pickLang(undefined, { LC_ALL: '', LC_MESSAGES: '', LANG: '' }), 'en');
  });

  it('prefers LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.equal(pickLang(undefined, { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(pickLang(undefined, { LC_ALL: 'C.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(pickLang(undefined, { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(pickLang(undefined, { LC_MESSAGES: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' }), 'en');
  });

  it('treats an empty variable as unset', () => {
    assert.equal(pickLang(undefined, { LC_ALL: '', LC_MESSAGES: '', LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(pickLang(undefined, { LC_ALL: '', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'C.UTF-8' }), 'ja');
  });
});

const japanese = await wordsFor('ja');

describe('t() with the Japanese catalogue', () => {
  it('fills placeholders in the Japanese text', () => {
    inLanguage(japanese, () => {
      const text = t('preflight.accepted', { host: 'smtp.gmail.com', account: 'you@gmail.com' });
      assert.equal(
        text,
        ja['preflight.accepted'].replace('{host}', 'smtp.gmail.com').replace('{account}', 'you@gmail.com'),
      );
      assert.notEqual(text, t('preflight.accepted', {}));
      assert.match(text, /smtp\.gmail\.com/);
      assert.match(text, /you@gmail\.com/);
      assert.match(text, /[\u3040-\u30ff\u4e00-\u9fff]/, 'the Japanese text is used');
      assert.doesNotMatch(text, /\{\w+\}/);

      const counted = t('apply.summary', { count: 3, id: '20250101-000000' });
      assert.match(counted, /3/);
      assert.match(counted, /20250101-000000/);
      assert.doesNotMatch(counted, /\{\w+\}/);
    });
  });

  it('fills every placeholder of every Japanese entry', () => {
    inLanguage(japanese, () => {
      for (const key of Object.keys(ja) as MessageKey[]) {
        const vars = Object.fromEntries(placeholders(ja[key]).map((name) => [name, `<${name}>`]));
        const text = t(key, vars);
        assert.doesNotMatch(text, /\{\w+\}/, key);
        for (const name of Object.keys(vars)) assert.ok(text.includes(`<${name}>`), `${key}: {${name}}`);
      }
    });
  });

  it("is the run's language only: English outside it, and across awaits inside it", async () => {
    const inside = await inLanguage(japanese, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return t('cancelled');
    });
    assert.equal(inside, ja.cancelled);
    assert.equal(t('cancelled'), en.cancelled);
  });

  it('two runs at once each keep their own language', async () => {
    const english = await wordsFor('en');
    const later = (words: typeof english) =>
      inLanguage(words, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return t('cancelled');
      });
    assert.deepEqual(await Promise.all([later(japanese), later(english)]), [ja.cancelled, en.cancelled]);
  });

  it('an English run started inside a Japanese one is English (English needs no context only outside every run)', async () => {
    const english = await wordsFor('en');
    const nested = await inLanguage(japanese, () =>
      inLanguage(english, async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return t('cancelled');
      }),
    );
    assert.equal(nested, en.cancelled);
  });
});
