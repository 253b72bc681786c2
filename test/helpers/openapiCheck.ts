import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type express from 'express';
import { API } from '../../server/contract/api';
import { openApiDocument } from '../../server/contract/openapi';

type Json = Record<string, unknown>;

/**
 * Every JSON answer the integration suite receives is checked against the OpenAPI document's
 * schema for its route and status: an undocumented route, an undocumented status or a body
 * that does not match is a violation, and a test file with violations fails (setup file
 * test/helpers/openapiSetup.ts). The document is thus true for every answer the suite sees.
 */
const document = openApiDocument(API, 'test') as {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
};
const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
const errorSchema = ajv.compile(document.components.schemas.Error!);

const templates = Object.keys(document.paths).map((template) => ({
  template,
  regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  // literal segments beat parameters: /api/contacts/stream before /api/contacts/{id}
  params: (template.match(/\{/g) ?? []).length,
}));

const cache = new Map<string, ValidateFunction | null>();

function validatorFor(
  template: string,
  method: string,
  status: number,
): ValidateFunction | null | undefined {
  const key = `${method} ${template} ${status}`;
  if (cache.has(key)) return cache.get(key);
  const response = document.paths[template]?.[method]?.responses[String(status)] as
    { $ref?: string; content?: Record<string, { schema: Json }> } | undefined;
  if (!response) return undefined;
  const validate = response.$ref
    ? errorSchema
    : response.content?.['application/json']
      ? ajv.compile(response.content['application/json'].schema)
      : null;
  cache.set(key, validate);
  return validate;
}

export const violations: string[] = [];

function check(method: string, path: string, status: number, body: unknown): void {
  const match = templates.filter((t) => t.regex.test(path)).sort((a, b) => a.params - b.params)[0];
  if (!match) {
    // an unknown address is the API's 404, described for every path as the error body
    if (status === 404 && errorSchema(body)) return;
    violations.push(`${method.toUpperCase()} ${path}: no such path in the OpenAPI document`);
    return;
  }
  const operation = document.paths[match.template]![method];
  if (!operation) {
    if (status === 404 && errorSchema(body)) return; // the API's answer to a method it has not
    violations.push(`${method.toUpperCase()} ${match.template}: method not in the document`);
    return;
  }
  const validate = validatorFor(match.template, method, status);
  if (validate === undefined) {
    violations.push(
      `${method.toUpperCase()} ${match.template}: status ${status} not in the document`,
    );
    return;
  }
  if (validate && !validate(body))
    violations.push(
      `${method.toUpperCase()} ${match.template} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
    );
}

/** Runs before the app: watches every res.json the app sends. */
export const checkResponses: express.RequestHandler = (req, res, next) => {
  const json = res.json.bind(res);
  res.json = (body: unknown) => {
    check(req.method.toLowerCase(), req.originalUrl.split('?')[0]!, res.statusCode, body);
    return json(body);
  };
  next();
};
