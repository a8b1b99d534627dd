// argv → flag values and positionals, with our own words for every mistake
// (Node's parser would answer in English, with its own vocabulary, and
// without a suggestion). Which command takes which flag is options.ts's
// business; here a flag only has to exist and be well formed.
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { type Flag, flags } from './flags.js';
import { closest } from './suggest.js';
import { t } from './ui/messages.js';

export type FlagValues = {
  [K in Flag]?: (typeof flags)[K]['type'] extends 'string' ? string : boolean;
};

const names = Object.keys(flags) as Flag[];
const shorts = new Map(
  names.flatMap((name) => {
    const short = (flags[name] as { short?: string }).short;
    return short ? [[short, name] as const] : [];
  }),
);

export function readFlags(argv: readonly string[]): { values: FlagValues; positionals: string[] } {
  const { tokens } = parseArgs({
    args: [...argv],
    options: flags,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const name = token.name as Flag;
    const spec = flags[name] as { type: 'string' | 'boolean' } | undefined;
    if (!spec) throw unknownOption(token.rawName);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) {
        throw new UsageError('invalid-option', t('options.noValue', { option: token.rawName }), t('options.seeHelp'));
      }
      values[name] = true;
      continue;
    }
    // `--account --yes`: the next flag is not the value a person meant to give.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && token.value !== '-')) {
      throw new UsageError(
        'missing-value',
        t('options.needsValue', { option: `--${name}` }),
        t('options.needsValueFix', { option: `--${name}` }),
      );
    }
    values[name] = token.value;
  }
  return { values: values as FlagValues, positionals };
}

function unknownOption(raw: string): UsageError {
  const long = raw.startsWith('--');
  const word = raw.replace(/^-+/, '').replace(/=.*$/, '');
  let guess: string | undefined;
  if (long) {
    const name = closest(
      word,
      names.filter((n) => n !== 'password'),
    );
    guess = name && `--${name}`;
  } else {
    const short = [...shorts.keys()].find((s) => s.toLowerCase() === word.toLowerCase());
    const name = short ? undefined : closest(word, names);
    guess = short ? `-${short}` : name && `--${name}`;
  }
  return new UsageError(
    'unknown-option',
    t('options.unknownOption', { option: long ? `--${word}` : raw }),
    guess ? t('options.didYouMean', { word: guess }) : t('options.seeHelp'),
  );
}
