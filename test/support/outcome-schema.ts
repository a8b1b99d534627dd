// Validate a --json document against the published schema (schema/outcome-v1.schema.json).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { repoPath } from './paths.js';

const schema = JSON.parse(readFileSync(repoPath('schema', 'outcome-v1.schema.json'), 'utf8')) as Record<
  string,
  unknown
>;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

export function outcomeSchema(): Record<string, unknown> {
  return schema;
}

/** Throws with every violation listed when the document does not match the schema. */
export function assertOutcomeSchema(document: unknown): void {
  if (!validate(document)) {
    throw new Error(
      `--json output does not match schema/outcome-v1.schema.json:\n${JSON.stringify(validate.errors, null, 2)}\n${JSON.stringify(document, null, 2)}`,
    );
  }
}
