import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Passes a file's bytes through, counting and hashing them. Past `maxBytes` it passes nothing
 * more but reads on to the end, so the store behind it finishes its writes before the file is
 * discarded; failing the stream instead could leave a chunk written after the discard.
 */
export class MeasuredStream extends Transform {
  readonly #hash = createHash('sha256');
  #size = 0;

  constructor(readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#size += chunk.length;
    if (this.tooLarge) {
      done();
      return;
    }
    this.#hash.update(chunk);
    done(null, chunk);
  }

  get tooLarge(): boolean {
    return this.#size > this.maxBytes;
  }

  /** Size and sha256 (hex) of everything that passed; read once the stream has ended. */
  measured(): { size: number; sha256: string } {
    return { size: this.#size, sha256: this.#hash.digest('hex') };
  }
}
