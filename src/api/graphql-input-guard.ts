import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type ASTNode, type ASTVisitor, type ValidationContext } from 'graphql';
import { AppError } from '../domain/errors';
import { checkClientJson, MAX_JSON_DEPTH } from '../domain/json-input';
import { graphqlErrorOf } from '../platform/graphql-errors';

/** The REST body's boundary check, on GraphQL variables (HTTP and graphql-ws alike). */
export function checkVariables(variables: unknown): void {
  if (variables !== undefined && variables !== null) checkClientJson(variables);
}

/** Runs the variables check before an HTTP operation executes; refusals leave with HTTP 400. */
export const variablesGuard: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }) {
        try {
          checkVariables(request.variables);
        } catch (error) {
          throw graphqlErrorOf(error);
        }
      },
    };
  },
};

/** A validation rule's refusal: it carries the coded AppError, which the one error mapper finds. */
export const ruleRefusal = (error: AppError, nodes: readonly ASTNode[]) =>
  new GraphQLError(error.message, { nodes, originalError: error, extensions: { code: error.code, ...(error.field ? { field: error.field } : {}) } });

/** The argument a literal sits in, as `input.actions.option.text`. */
const argumentPath = (ancestors: readonly unknown[]): string =>
  ancestors
    .filter((node): node is { kind: Kind; name: { value: string } } => {
      const kind = (node as { kind?: unknown } | null)?.kind;
      return kind === Kind.ARGUMENT || kind === Kind.OBJECT_FIELD;
    })
    .map((node) => node.name.value)
    .join('.');

/**
 * The depth bound on values written into the document itself: lists and objects nest at most
 * MAX_JSON_DEPTH deep. (graphql-js's lexer already refuses an unpaired surrogate in a literal.)
 */
export function literalGuard(context: ValidationContext): ASTVisitor {
  let depth = 0;
  const enterComposite = {
    enter(node: ASTNode, _key: unknown, _parent: unknown, _path: unknown, ancestors: readonly unknown[]) {
      depth++;
      if (depth === MAX_JSON_DEPTH + 1) {
        const field = argumentPath(ancestors) || 'argument';
        context.reportError(ruleRefusal(new AppError('JSON_TOO_DEEP', `${field}: nests deeper than ${MAX_JSON_DEPTH} levels of objects and lists, the most accepted.`, field), [node]));
      }
    },
    leave() {
      depth--;
    },
  };
  return {
    ListValue: enterComposite,
    ObjectValue: enterComposite,
  };
}
