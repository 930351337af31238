import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { z } from 'zod';

/**
 * The shapes of the request parameters the providers read, checked at the boundary: a request of the wrong shape is
 * answered with InvalidParams (-32602) naming what is wrong, instead of failing inside a provider as an internal
 * error. Only what the providers use is required; out-of-range positions are valid and clamped later.
 */
const position = z.object({ line: z.number().int(), character: z.number().int() });
const range = z.object({ start: position, end: position });
const textDocument = z.object({ uri: z.string() });

export const documentParams = z.object({ textDocument });
export const renderParams = z.object({ textDocument, kind: z.enum(['preview', 'html', 'docx']) });
export const sourceOffsetParams = z.object({ textDocument, line: z.number().int(), column: z.string().optional() });
export const importParams = z.object({ fileName: z.string().min(1), base64: z.string() });
export const convertPasteParams = z.object({ textDocument, text: z.string() });
export const positionParams = z.object({ textDocument, position });
export const rangeParams = z.object({ textDocument, range });
export const codeActionParams = z.object({
  textDocument,
  range,
  context: z.object({
    diagnostics: z.array(z.object({ range, code: z.union([z.string(), z.number()]).optional() }).passthrough()),
    only: z.array(z.string()).optional(),
  }),
});

/** Wraps a request handler so that it only runs on parameters of the shape `schema` describes. */
export function validated<P, R, Rest extends unknown[]>(
  method: string,
  schema: z.ZodType,
  handler: (params: P, ...rest: Rest) => R,
): (params: P, ...rest: Rest) => R {
  return (params, ...rest) => {
    const problem = paramsProblem(method, schema, params);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    return handler(params, ...rest);
  };
}

/** The document-sync notifications, checked before the document store sees them (a `text: null` used to kill it). */
export const didOpenParams = z.object({
  textDocument: z.object({ uri: z.string(), languageId: z.string().optional(), version: z.number().int(), text: z.string() }),
});
export const didChangeParams = z.object({
  textDocument: z.object({ uri: z.string(), version: z.number().int() }),
  // A whole-text change has no range at all: a malformed range (null, a line of 0.5) used to pass as one, and the
  // document store then applied it as a range anyway (duplicating text) or threw half-way through the changes.
  contentChanges: z.array(z.union([z.object({ range, rangeLength: z.number().optional(), text: z.string() }), z.object({ text: z.string(), range: z.undefined().optional() })])),
});
export const documentNotificationParams = documentParams;

/** Why params do not have the shape `schema` describes, in one line; undefined when they do. */
export function paramsProblem(method: string, schema: z.ZodType, params: unknown): string | undefined {
  const checked = schema.safeParse(params);
  if (checked.success) return undefined;
  const issue = checked.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'params';
  return `${method}: ${where}: ${issue?.message ?? 'invalid'}`;
}
