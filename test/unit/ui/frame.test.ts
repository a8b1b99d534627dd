// A note framed for the terminal (ui/frame.ts): every line exactly as wide as the terminal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columns } from '../../../src/ui/columns.js';
import { frameNote } from '../../../src/ui/frame.js';

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('terminal columns and wrapping', () => {
  it('frames a note with every line exactly as wide as the terminal, tabs and wide text included', () => {
    for (const cols of [60, 80]) {
      const note = plain(
        frameNote(
          '+ @testhost.example\tyou@gmail.com\nテストメールは you@gmail.com に送ります（--to ADDR で送信先を変更、--no-test で省略できます）。',
          '計画',
          cols,
        ),
      );
      const box = note.split('\n').filter((l) => l !== '│' && /[╮│╯]$/.test(l));
      assert.ok(box.length >= 4);
      for (const line of box) assert.equal(columns(line), cols, line);
      assert.ok(!note.includes('\t'));
    }
  });
});
