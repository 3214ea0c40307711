import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  Lexer,
  NoSchemaIntrospectionCustomRule,
  Source,
  TokenKind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  visit,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError } from '../domain/errors';
import { MAX_PAGE_SIZE } from '../domain/paging';
import { literalGuard, ruleRefusal } from './graphql-input-guard';
import { BoundedMap } from '../domain/bounded-map';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COMPLEXITY = 20_000;
/** Tokens in one document: an ordinary operation has a few hundred. */
export const MAX_QUERY_TOKENS = 2_000;
/** Aliased fields in one document: enough to ask for a few things twice, not to multiply work. */
export const MAX_QUERY_ALIASES = 30;
/** Each root field is at least one query of the database: it costs as much as a full page. */
const ROOT_FIELD_COST = MAX_PAGE_SIZE;
/**
 * Lists without a page size of their own are costed as this many items. (A connection's
 * edges and nodes are not: their length is the page size, already counted at the paged field.)
 */
const ASSUMED_LIST_LENGTH = 10;
const UNPAGED_LISTS = new Set(['chainedCalls', 'events']);

/** Refuses a document with more tokens than allowed before it is parsed (the lexer stops counting there). */
export function assertTokenCount(source: string): void {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (++count > MAX_QUERY_TOKENS) break;
    }
  } catch {
    return; // not GraphQL at all: the parser says so, with its own code
  }
  if (count > MAX_QUERY_TOKENS) throw new AppError('QUERY_TOO_LARGE', `The document has more than ${MAX_QUERY_TOKENS} tokens, the most allowed.`);
}

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
        if (depth > max) context.reportError(ruleRefusal(new AppError('QUERY_TOO_DEEP', `The query is ${depth} levels deep; at most ${max} are allowed.`), [operation]));
      },
    };
  };
}

/** A validation rule: at most `max` aliased fields in the whole document. */
export function aliasLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) context.reportError(ruleRefusal(new AppError('TOO_MANY_ALIASES', `The document uses more than ${max} aliases, the most allowed.`), [node]));
      },
    };
  };
}

/** Every rule an operation passes on either transport, beyond graphql-js's own. */
export const operationRules = (introspection: boolean): ValidationRule[] => [
  depthLimit(MAX_QUERY_DEPTH),
  aliasLimit(MAX_QUERY_ALIASES),
  literalGuard,
  ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
];

/** Root fields cost a page each; paged fields their (clamped) page size times their items; other lists an assumed length. */
const costEstimator =
  (schema: GraphQLSchema): ComplexityEstimator =>
  ({ args, childComplexity, field, type }) => {
    const root = type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType() ? ROOT_FIELD_COST : 0;
    // A page is never longer than the page-size rule lets it be, whatever `first` asks.
    const first = typeof args.first === 'number' ? Math.min(Math.max(args.first, 0), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
    if ('first' in args || field.args.some((arg) => arg.name === 'first')) return root + 1 + childComplexity * first;
    if (UNPAGED_LISTS.has(field.name)) return root + 1 + childComplexity * ASSUMED_LIST_LENGTH;
    return root + 1 + childComplexity;
  };

/**
 * The arguments through which a variable changes an operation's estimated cost: the page size
 * (the only argument costEstimator reads) and every directive's (graphql-query-complexity skips
 * what @include/@skip leave out). A change to the estimator that reads another argument adds it here.
 */
const COST_ARGUMENTS = new Set(['first']);

/** The variables an operation's cost depends on, in a fixed order: those in a page size or a directive. */
function costVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: ValueNode) => visit(value, { Variable: (node) => void names.add(node.name.value) });
  visit(document, {
    Field: (node) => node.arguments?.filter((argument) => COST_ARGUMENTS.has(argument.name.value)).forEach((argument) => collect(argument.value)),
    Directive: (node) => node.arguments?.forEach((argument) => collect(argument.value)),
  });
  return [...names].sort();
}

/** Documents whose cost is remembered, and the variable values remembered for each. */
const COST_DOCUMENTS = 500;
const COSTS_PER_DOCUMENT = 50;
/** Longer documents, and values of those variables, are costed every time rather than kept (the cache holds them). */
const COST_CACHE_TEXT = 8_192;
const COST_CACHE_KEY = 512;

/** A map that forgets its least recently used entry past `size` (a hit makes an entry the newest). */
function bounded<V>(size: number) {
  const entries = new BoundedMap<string, V>(size);
  return {
    get(key: string): V | undefined {
      const value = entries.get(key);
      if (value !== undefined) {
        entries.delete(key);
        entries.set(key, value);
      }
      return value;
    },
    set(key: string, value: V): void {
      entries.set(key, value);
    },
  };
}

export type CostCheck = (text: string | undefined, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined | null) => void;

/**
 * Refuses an operation whose estimated cost (every alias and root field counted) is over the
 * limit. The estimate is made once per document text, operation and values of the variables it
 * depends on (costVariablesOf), not per request: clients send the same few documents over and
 * over, and the estimate walks the whole document with the schema.
 */
export function createCostCheck(schema: GraphQLSchema): CostCheck {
  const documents = bounded<{ variables: string[]; costs: ReturnType<typeof bounded<number | null>> }>(COST_DOCUMENTS);
  const estimate = (document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined | null): number | null => {
    try {
      return getComplexity({
        schema,
        query: document,
        variables: variables ?? {},
        ...(operationName ? { operationName } : {}),
        estimators: [costEstimator(schema), simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch {
      return null; // variables that do not fit their types: execution refuses them as VALIDATION_FAILED
    }
  };
  const costOf = (text: string | undefined, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined | null): number | null => {
    if (text === undefined || text.length > COST_CACHE_TEXT) return estimate(document, variables, operationName);
    let known = documents.get(text);
    if (!known) {
      known = { variables: costVariablesOf(document), costs: bounded<number | null>(COSTS_PER_DOCUMENT) };
      documents.set(text, known);
    }
    // An absent variable (its default applies) is told from one sent as null.
    const key = JSON.stringify([operationName ?? null, ...known.variables.map((name) => (variables && name in variables ? [variables[name]] : []))]);
    if (key.length > COST_CACHE_KEY) return estimate(document, variables, operationName);
    let cost = known.costs.get(key);
    if (cost === undefined) {
      cost = estimate(document, variables, operationName);
      known.costs.set(key, cost);
    }
    return cost;
  };
  return (text, document, variables, operationName) => {
    const complexity = costOf(text, document, variables, operationName);
    if (complexity !== null && complexity > MAX_QUERY_COMPLEXITY) {
      throw new AppError('QUERY_TOO_COMPLEX', `The query's estimated cost is ${complexity}; at most ${MAX_QUERY_COMPLEXITY} is allowed.`);
    }
  };
}

/** The cost check on Apollo, before an operation runs; refusals leave with HTTP 400. */
export function costLimit(schema: GraphQLSchema): ApolloServerPlugin {
  const assertCost = createCostCheck(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          try {
            assertCost(request.query, document, request.variables, request.operationName);
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            throw new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: 400 } } });
          }
        },
      };
    },
  };
}
