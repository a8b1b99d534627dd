// check reads the machine and changes nothing, so a question asked twice has the same answer: the
// phases it shares with doctor and status ask postconf for `-n` and single parameters more than once
// (detect, the doctor facts, the log's owner) and each answer costs a process (~50 ms on a busy box).
// Within one check, each postconf or postqueue command line runs once; the second asker gets the first
// answer. Only for check: a command that writes (setup, remove, doctor --fix) must see its own changes.
import type { ExecResult, System } from '../../system/types.js';

const readers = new Set(['postconf', 'postqueue']);

export function readingOnce(sys: System): System {
  const answers = new Map<string, Promise<ExecResult>>();
  const exec: System['exec'] = (file, args, options) => {
    if (!readers.has(file) || options?.input !== undefined) return sys.exec(file, args, options);
    const key = JSON.stringify([file, ...args]);
    let answer = answers.get(key);
    if (!answer) {
      answer = sys.exec(file, args, options);
      answers.set(key, answer);
    }
    return answer;
  };
  return Object.assign(Object.create(sys) as System, { exec });
}
