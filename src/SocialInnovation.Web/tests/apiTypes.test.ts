import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

// openapi.json is the server's /openapi/v1.json (a server test keeps it current); schema.d.ts is made
// from it. Together the two checks fail whenever the web app's API types lag behind the server.
describe('the generated API types', () => {
  it('match the committed OpenAPI document (regenerate: npm run api:types)', async () => {
    const expected = astToString(await openapiTS(new URL('../openapi.json', import.meta.url)));
    const committed = readFileSync(new URL('../src/api/schema.d.ts', import.meta.url), 'utf8');
    expect(committed.replace(/\r\n/g, '\n').endsWith(expected.replace(/\r\n/g, '\n')),
      'src/api/schema.d.ts is out of date with openapi.json: run `npm run api:types` and commit it').toBe(true);
  }, 30_000);
});
