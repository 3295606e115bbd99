// The custom entities an app declares in manifest.yml (`app.storage.entities`), and the checks the Custom
// Entity Store applies to values and index queries.
import { badRequest } from './errors';

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface IndexDefinition {
  name: string;
  /** Attributes whose values must be given exactly (`partition: [...]` in a query). */
  partition: string[];
  /** The attribute the index is sorted by and that `where(...)` applies to. */
  range: string[];
}

export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  indexes: IndexDefinition[];
}

const ENTITY_NAME = /^(?![.-])(?!.*\.{2})[a-z0-9:\-.]*(?<![.])$/;

function hasType(value: unknown, type: AttributeType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return true;
  }
}

export class EntityRegistry {
  private readonly byName: Map<string, EntityDefinition>;

  constructor(definitions: EntityDefinition[]) {
    this.byName = new Map(definitions.map((d) => [d.name, d]));
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  get(name: unknown): EntityDefinition {
    if (typeof name !== 'string' || name.length < 3) {
      throw badRequest(
        'INVALID_ENTITY_TYPE',
        `Entity name '${String(name)}' is invalid: it needs more than 3 characters.`,
      );
    }
    if (!ENTITY_NAME.test(name)) {
      throw badRequest('INVALID_ENTITY_TYPE', `Entity name '${name}' does not match ${ENTITY_NAME.toString()}.`);
    }
    const definition = this.byName.get(name);
    if (!definition) {
      throw badRequest(
        'INVALID_ENTITY_TYPE',
        `Entity '${name}' is not declared in manifest.yml (app.storage.entities).`,
      );
    }
    return definition;
  }

  /** Values must be objects whose attributes are declared and of the declared type. */
  validateValue(entity: EntityDefinition, value: unknown): asserts value is Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw badRequest('INVALID_ENTITY_VALUE', `A value of entity '${entity.name}' must be an object.`);
    }
    for (const [attribute, attrValue] of Object.entries(value)) {
      const declared = entity.attributes[attribute];
      if (!declared) {
        throw badRequest(
          'INVALID_ENTITY_VALUE',
          `Attribute '${attribute}' is not declared for entity '${entity.name}'.`,
        );
      }
      if (attrValue !== undefined && !hasType(attrValue, declared.type)) {
        throw badRequest(
          'INVALID_ENTITY_VALUE',
          `Attribute '${attribute}' of entity '${entity.name}' must be of type ${declared.type}, got ${JSON.stringify(attrValue)}.`,
        );
      }
    }
  }

  index(entity: EntityDefinition, indexName: unknown): IndexDefinition {
    const index = entity.indexes.find((i) => i.name === indexName);
    if (!index) {
      throw badRequest(
        'INVALID_ENTITY_INDEX',
        `Index '${String(indexName)}' is not declared for entity '${entity.name}'.`,
      );
    }
    return index;
  }
}
