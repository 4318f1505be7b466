import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/**
 * bpmn-engine's state embeds the serialised model in every definition (`source`). govflow keeps
 * the model per version, so the state is stored without it and brotli-compressed: a waiting
 * 3-step case drops from ~9 KB of JSON to well under 2 KB.
 */
export function encodeEngineState(state: { definitions?: Array<Record<string, unknown>> }): Buffer {
  const compact = { ...state, definitions: state.definitions?.map(({ source: _source, ...rest }) => rest) };
  return brotliCompressSync(Buffer.from(JSON.stringify(compact)), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  });
}

/** Reads state back; MongoDB reads hand over a BSON Binary (its bytes in `buffer`) rather than a Buffer. */
export function decodeEngineState(stored: Uint8Array | { buffer: Uint8Array }): unknown {
  const view = stored instanceof Uint8Array ? stored : stored.buffer;
  const bytes = Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  return JSON.parse(brotliDecompressSync(bytes).toString('utf8'));
}
