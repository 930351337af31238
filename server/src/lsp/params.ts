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
    const checked = schema.safeParse(params);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'params';
      throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${where}: ${issue?.message ?? 'invalid'}`);
    }
    return handler(params, ...rest);
  };
}
