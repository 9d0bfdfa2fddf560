/** The SDL served (graph-schema/schema.graphql) is documented and fully implemented. */
import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../../server/app.ts';
import { resolvers } from '../../server/resolvers.ts';

const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

describe('the SDL', () => {
  it('describes every type, field, argument and enum value (GraphiQL shows them)', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || BUILT_IN.has(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('has a resolver for every query', () => {
    expect(Object.keys(resolvers.Query).sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
  });
});
