import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../domain/paging';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 20_000;
/**
 * Lists without a page size of their own are costed as this many items. (A connection's
 * edges and nodes are not: their length is the page size, already counted at the paged field.)
 */
const ASSUMED_LIST_LENGTH = 10;
const UNPAGED_LISTS = new Set(['chainedCalls', 'events']);

/** A validation rule: no operation nests selections deeper than `max` (fragments followed). */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!selectionSet) return 0;
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 0);
        else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        else if (!seen.has(selection.name.value)) {
          const fragment = fragments.get(selection.name.value);
          deepest = Math.max(deepest, depthOf(fragment?.selectionSet, new Set([...seen, selection.name.value])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > max) {
          context.reportError(new GraphQLError(`The query is ${depth} levels deep; at most ${max} are allowed.`, { nodes: [operation] }));
        }
      },
    };
  };
}

/** Paged fields cost their page size times their items; other lists an assumed length. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  // A page is never longer than the page-size rule lets it be, whatever `first` asks.
  const first = typeof args.first === 'number' ? Math.min(Math.max(args.first, 0), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
  if ('first' in args || field.args.some((arg) => arg.name === 'first')) return 1 + childComplexity * first;
  if (UNPAGED_LISTS.has(field.name)) return 1 + childComplexity * ASSUMED_LIST_LENGTH;
  return undefined;
};

/** Refuses operations whose estimated cost is over the limit, before they run. */
export function complexityLimit(schema: GraphQLSchema, max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              ...(request.operationName ? { operationName: request.operationName } : {}),
              estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not fit their types: execution refuses them as BAD_USER_INPUT.
            return;
          }
          if (complexity > max) {
            throw new GraphQLError(`The query's estimated cost is ${complexity}; at most ${max} is allowed.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
