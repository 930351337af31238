/** A file a reader cannot read, with a message for the user (what is wrong, and what to do); never a crash. */
export class ReadError extends Error {
  override readonly name = 'ReadError';
}
