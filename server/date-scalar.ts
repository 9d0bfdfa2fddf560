/** The `Date` scalar: a calendar date "YYYY-MM-DD", checked to exist (no 2024-02-30). */
import { GraphQLScalarType, Kind } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';

function parseDate(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw createGraphQLError(`Date must be a calendar date "YYYY-MM-DD", got ${JSON.stringify(value)}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value as string;
}

/** Resolver of the SDL's `scalar Date`. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 (YYYY-MM-DD).',
  serialize: (value) => String(value).slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw createGraphQLError('Date must be a string "YYYY-MM-DD".', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDate(ast.value);
  },
});
