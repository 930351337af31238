/**
 * A file a reader cannot read, with a message for the user (what is wrong, and what to do); never a crash. `at` is
 * set when the fault is a place in the file's own text (not UTF-8 from line 3): the checker reports it there, as it
 * reports the same fault in a report; without it the file could not be read at all.
 */
export class ReadError extends Error {
  override readonly name = 'ReadError';

  constructor(
    message: string,
    readonly at?: { readonly line: number; readonly column: number },
  ) {
    super(message);
  }
}
