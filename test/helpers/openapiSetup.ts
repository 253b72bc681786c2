import { violations } from './openapiCheck';

// Each integration test file fails when an answer it received is not what the OpenAPI
// document says (see openapiCheck.ts).
afterAll(() => {
  const found = violations.splice(0);
  if (found.length)
    throw new Error(
      `Answers that do not match the OpenAPI document:\n${[...new Set(found)].join('\n')}`,
    );
});
