// Loading a dataset file for the emulator: parse, check the JSON Schema, then referential integrity.
// A bad dataset fails here with one message naming the first problem, instead of surfacing later as a
// confusing emulator answer.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from './dataset.schema.json';
import { findIntegrityProblem } from './integrity';
import type { Dataset } from './types';

/** Thrown for a dataset that does not parse, match the schema, or hold together. */
export class InvalidDatasetError extends Error {
  constructor(
    /** The file name (or the name passed to validateDataset). */
    readonly source: string,
    /** JSON path of the first problem, e.g. `issues[12].parent`; empty for a file that does not parse. */
    readonly path: string,
    readonly problem: string,
  ) {
    super(`Invalid dataset ${source}: ${path ? `${path} ` : ''}${problem}`);
    this.name = 'InvalidDatasetError';
  }
}

let compiled: ValidateFunction<Dataset> | undefined;

function schemaValidator(): ValidateFunction<Dataset> {
  // Compiled once: compiling costs far more than validating even a small dataset. strictRequired is off
  // because the if/then branches name properties declared next to them, which that check cannot see.
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: false, strict: true, strictRequired: false });
    addFormats(ajv, ['email', 'date-time']);
    compiled = ajv.compile<Dataset>(schema);
  }
  return compiled;
}

/** `/issues/12/parent` → `issues[12].parent`, the notation the integrity checks use too. */
function jsonPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

function describe(error: ErrorObject): { path: string; problem: string } {
  const at = jsonPath(error.instancePath);
  const where = at || 'dataset';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperty':
    case 'additionalProperties':
      return { path: where, problem: `has unknown property ${JSON.stringify(params.additionalProperty)}` };
    case 'required':
      return { path: where, problem: `is missing required property ${JSON.stringify(params.missingProperty)}` };
    case 'enum':
      return {
        path: where,
        problem: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'not':
      // The only `not` in the schema forbids a sub-query on a scrum board.
      return { path: `${where}.subQuery`, problem: 'is only allowed on kanban boards' };
    default:
      return { path: where, problem: error.message ?? `fails ${error.keyword}` };
  }
}

/**
 * Validates a parsed dataset and returns it typed. Throws InvalidDatasetError naming the first problem.
 * `source` names the dataset in the message (a file name, or "(in memory)").
 */
export function validateDataset(value: unknown, source = '(in memory)'): Dataset {
  const validate = schemaValidator();
  if (!validate(value)) {
    const first = validate.errors?.[0];
    if (!first) throw new InvalidDatasetError(source, '', 'does not match the dataset schema');
    const { path: at, problem } = describe(first);
    throw new InvalidDatasetError(source, at, problem);
  }
  const problem = findIntegrityProblem(value);
  if (problem) throw new InvalidDatasetError(source, problem.path, problem.problem);
  return value;
}

/** Reads, parses and validates a dataset file. */
export function loadDataset(file: string): Dataset {
  const source = path.basename(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new InvalidDatasetError(source, '', `is not JSON: ${error.message}`);
    throw error;
  }
  return validateDataset(parsed, source);
}
