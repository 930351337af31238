import { Transform, type TransformCallback } from 'node:stream';

/** A frame header the server cannot trust: where the next message starts is unknown from here on. */
export class FrameError extends Error {
  override name = 'FrameError';
}

const HEADER_END = Buffer.from('\r\n\r\n');
/** Longer than any real header (Content-Length and Content-Type): a stream without a header end is not LSP. */
const MAX_HEADER_BYTES = 8 * 1024;

/**
 * Passes an LSP byte stream through unchanged while checking each frame's header: a Content-Length that is not a
 * decimal number of bytes (`-5`, `1e3`, missing) fails the stream with a FrameError instead of reaching the message
 * reader, which read `-5` as "all but the last five bytes" and went on silently with a stream it could no longer
 * frame. The frames before the bad header are passed on first, so that they are still answered.
 */
export class FrameCheck extends Transform {
  private header: Buffer = Buffer.alloc(0);
  /** Body bytes still to pass before the next header. */
  private remaining = 0;
  private failed = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.failed) return done();
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - at);
        at += n;
        this.remaining -= n;
        continue;
      }
      const headerStart = at;
      const pending = this.header.length ? Buffer.concat([this.header, chunk.subarray(at)]) : chunk.subarray(at);
      const end = pending.indexOf(HEADER_END);
      if (end < 0) {
        if (pending.length > MAX_HEADER_BYTES) return this.fail(chunk, headerStart, `no end of header within ${MAX_HEADER_BYTES} bytes`, done);
        this.header = Buffer.from(pending);
        break;
      }
      const problem = contentLengthProblem(pending.subarray(0, end).toString('latin1'));
      if (typeof problem === 'string') return this.fail(chunk, headerStart, problem, done);
      at += end + HEADER_END.length - this.header.length;
      this.header = Buffer.alloc(0);
      this.remaining = problem;
    }
    done(null, chunk);
  }

  private fail(chunk: Buffer, headerStart: number, problem: string, done: TransformCallback): void {
    this.failed = true;
    // The header's bytes from earlier chunks are already passed on: incomplete, they make no message.
    if (headerStart > 0) this.push(chunk.subarray(0, headerStart));
    done(new FrameError(problem));
  }
}

/** The body length a header announces, or what is wrong with it. */
function contentLengthProblem(header: string): number | string {
  let length: number | string = 'the header has no Content-Length';
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return `Content-Length must be a number of bytes, got "${value.slice(0, 20)}"`;
    length = Number(value);
  }
  return length;
}
