import crypto from 'node:crypto';
import fs from 'node:fs';
import { DIGEST_CHUNK_SIZE } from '../digest/digest-file';
import { ReleaseGuardError } from '../errors';

/** A file read once: its SHA-256 and a signature over it (SHA-256 whatever the key). */
export interface StreamedSignature {
  digest: Buffer;
  signature: Buffer;
  size: number;
}

/**
 * Streams `file` through a hash and a signer in the same pass, never holding it whole: a
 * multi-GiB asset costs one chunk of memory. The signature is over the SHA-256 of the file, the
 * digest a message-signature bundle names.
 */
export async function streamSignFile(file: string, privateKey: crypto.KeyObject): Promise<StreamedSignature> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch {
    throw new ReleaseGuardError('artifact_missing', `artifact not readable: ${file}`, { path: file });
  }
  const hash = crypto.createHash('sha256');
  const signer = crypto.createSign('sha256');
  let size = 0;
  try {
    if (!(await handle.stat()).isFile()) {
      throw new ReleaseGuardError('artifact_missing', `artifact is not a regular file: ${file}`, {
        path: file,
      });
    }
    const stream = handle.createReadStream({ highWaterMark: DIGEST_CHUNK_SIZE, autoClose: false });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      hash.update(chunk);
      signer.update(chunk);
    }
  } catch (error) {
    if (error instanceof ReleaseGuardError) throw error;
    throw new ReleaseGuardError('artifact_missing', `artifact could not be read: ${file}`, { path: file });
  } finally {
    await handle.close().catch(() => undefined);
  }
  return { digest: hash.digest(), signature: signer.sign(privateKey), size };
}
