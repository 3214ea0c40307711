import type { TestApp } from './test-app';

/**
 * What `request` answered, and the statements the app's pool completed while it ran (their
 * text), through the product's own hook on its pool (RunningApp.onQuery), which sees every one.
 */
export async function statementsDuring<T>(t: TestApp, request: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = t.app.onQuery((text) => statements.push(text));
  try {
    return { result: await request(), statements };
  } finally {
    stop();
  }
}
