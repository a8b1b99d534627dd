// The sentence for an input problem found by gmail/ (its code is the catalogue key).
import type { InputProblem } from '../gmail/credentials.js';
import { t, type MessageKey } from './messages.js';

export function inputText(problem: InputProblem): string {
  return t(problem.code satisfies MessageKey, problem.vars);
}
