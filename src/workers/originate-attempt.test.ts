import { takesCallAsInserted } from './originate-attempt';

it("takes the call an originate job carries on its first run only, not on a retry or after its worker died", () => {
  expect(takesCallAsInserted({ attemptsMade: 0, stalledCounter: 0 })).toBe(true);
  expect(takesCallAsInserted({ attemptsMade: 0 })).toBe(true);
  expect(takesCallAsInserted({ attemptsMade: 1, stalledCounter: 0 })).toBe(false);
  expect(takesCallAsInserted({ attemptsMade: 0, stalledCounter: 1 })).toBe(false);
});
