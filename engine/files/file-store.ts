import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { fileTypeStream, type ReadableStreamWithFileType } from 'file-type';
import { GridFSBucket, ObjectId, type Collection, type Db } from 'mongodb';
import type { NewAttachment } from '../cases/attachments';
import { mayReadCase } from '../cases/case-access';
import { InvalidInputError, NotFoundError, UnsupportedMediaTypeError } from '../errors';
import type { CaseHead } from '../records';
import type { Actor } from '../users/actor';
import { fileTooLarge, storedFileName, textMediaTypes, type FileLimits } from './file-rules';
import { MeasuredStream } from './measured-stream';

/** A stored file as the API answers it. */
export interface FileView {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

/** What govflow keeps beside a file in GridFS; `sha256` is set once every byte is stored, so a file without it is unfinished. */
interface FileMetadata {
  mediaType: string;
  uploadedBy: string;
  sha256?: string;
}

interface FileDocument {
  _id: ObjectId;
  length: number;
  filename: string;
  uploadDate: Date;
  metadata: FileMetadata;
}

/** A file handed in as an attachment: which stored file, and which listed material it is. */
export interface FileReference {
  file: string;
  material?: string;
}


/** An attachment as a command's caller gives it: a stored file by id, or a document another store keeps, described in full. */
export type AttachmentInput = NewAttachment | FileReference;

/** A command's input with its attachments as the caller gives them. */
export type WithAttachmentInputs<T extends { attachments?: NewAttachment[] }> = Omit<T, 'attachments'> & { attachments?: AttachmentInput[] };

/** Fields of a case head that say who may read it. */
const accessFields = { applicant: 1, departments: 1, openTasks: 1, copiedTo: 1 } as const;

/** How many cases referring to one file are read to decide whether the reader may see it. */
const casesCheckedPerFile = 50;

/**
 * Uploaded files in MongoDB GridFS (bucket `files`): streamed in, sized, hashed and typed by the
 * server as they pass; read by their uploader, and once a case refers to them, by whoever may
 * read that case. The case's attachments are the truth about which case a file belongs to.
 */
export class FileStore {
  readonly #bucket: GridFSBucket;
  readonly #files: Collection<FileDocument>;
  readonly #chunks: Collection<{ files_id: ObjectId }>;

  constructor(
    db: Db,
    readonly cases: Collection<CaseHead>,
    /** What an upload may be where no material says otherwise. */
    readonly limits: FileLimits,
    private readonly now: () => Date,
  ) {
    this.#bucket = new GridFSBucket(db, { bucketName: 'files' });
    this.#files = db.collection<FileDocument>('files.files');
    this.#chunks = db.collection('files.chunks');
  }

  /**
   * Stores one file from its stream. The media type is read from the file's first bytes (the
   * declared one only for text, which has no signature); a type or size beyond `limits` fails
   * with 415 or 413 and leaves nothing stored.
   */
  async save(source: Readable, declared: { name: string; mediaType: string }, uploader: string, limits: FileLimits): Promise<FileView> {
    const name = storedFileName(declared.name);
    const typed = await detectedType(source);
    if (!typed) {
      source.resume();
      throw new UnsupportedMediaTypeError(`a file whose content contradicts its own signature is not taken here; send one of ${limits.mediaTypes.join(', ')}; nothing was stored`);
    }
    const mediaType = typed.fileType?.mime ?? (textMediaTypes.includes(declared.mediaType) ? declared.mediaType : undefined);
    if (!mediaType || !limits.mediaTypes.includes(mediaType)) {
      typed.resume();
      throw new UnsupportedMediaTypeError(`${mediaType ? `a file of type ${mediaType}` : 'a file whose type cannot be told from its content'} is not taken here; send one of ${limits.mediaTypes.join(', ')}; nothing was stored`);
    }
    const id = new ObjectId();
    const measured = new MeasuredStream(limits.maxBytes);
    const uploadedAt = this.now();
    const upload = this.#bucket.openUploadStreamWithId(id, name, { metadata: { mediaType, uploadedBy: uploader } });
    try {
      await pipeline(typed, measured, upload);
    } catch (error) {
      // an interrupted upload: what it wrote goes once its writes have settled
      await finished(upload).catch(() => undefined);
      await this.#discard(id);
      throw error;
    }
    if (measured.tooLarge) {
      await this.#discard(id);
      throw fileTooLarge(limits.maxBytes);
    }
    const { size, sha256 } = measured.measured();
    await this.#files.updateOne({ _id: id }, { $set: { 'metadata.sha256': sha256, uploadDate: uploadedAt } });
    return { id: id.toHexString(), name, mediaType, size, sha256, uploadedBy: uploader, uploadedAt };
  }

  /** A finished file and its bytes, for a reader who may see it; anyone else hears it does not exist. */
  async open(id: string, actor: Actor): Promise<{ file: FileView; content: Readable }> {
    const document = await this.#finished(id);
    if (!document || !(await this.#mayRead(document, actor))) throw new NotFoundError('file', id);
    return { file: viewOf(document), content: this.#bucket.openDownloadStream(document._id) };
  }

  /**
   * The attachments a command records, in the order given: a stored file referred to by id
   * becomes its name, type, size and checksum, and must be a finished file the actor uploaded;
   * a document described in full (kept by another document store) is taken as described.
   * Refused as a whole (422, naming each) before anything is written.
   */
  async attachments(given: readonly AttachmentInput[] | undefined, actor: Actor, where: string): Promise<NewAttachment[] | undefined> {
    if (!given?.some(isFileReference)) return given as NewAttachment[] | undefined;
    const ids = given.flatMap((item) => (isFileReference(item) ? [asObjectId(item.file)] : [])).filter((id) => id !== null);
    const found = await this.#files.find({ _id: { $in: ids }, 'metadata.sha256': { $exists: true } }).toArray();
    const byId = new Map(found.map((document) => [document._id.toHexString(), viewOf(document)]));
    const problems = given.flatMap((item, index) => {
      if (!isFileReference(item) || byId.get(item.file.toLowerCase())?.uploadedBy === actor.username) return [];
      return [{ path: `${where}/${index}/file`, message: `file ${item.file} is not one you uploaded` }];
    });
    if (problems.length > 0) throw new InvalidInputError('an attachment refers to a file that cannot be attached; nothing was changed', problems, 422);
    return given.map((item) => (isFileReference(item) ? fileAttachment(byId.get(item.file.toLowerCase())!, item.material) : item));
  }

  async #finished(id: string): Promise<FileDocument | null> {
    const objectId = asObjectId(id);
    return objectId ? this.#files.findOne({ _id: objectId, 'metadata.sha256': { $exists: true } }) : null;
  }

  async #mayRead(document: FileDocument, actor: Actor): Promise<boolean> {
    if (document.metadata.uploadedBy === actor.username) return true;
    const heads = await this.cases.find({ fileIds: document._id.toHexString() }, { projection: accessFields }).limit(casesCheckedPerFile).toArray();
    return heads.some((head) => mayReadCase(actor, head));
  }

  /** Removes what an interrupted upload left: its chunks, and its file document if the driver wrote one. */
  async #discard(id: ObjectId): Promise<void> {
    await this.#files.deleteOne({ _id: id });
    await this.#chunks.deleteMany({ files_id: id });
  }
}

/**
 * The upload's stream with its type read from the first bytes, or undefined when they do not
 * parse as the signature claims (a zip whose first entry does not inflate, say): the detector
 * throws on those, and that is the sender's file at fault, not the server. A stream that broke
 * while being read still fails as it did.
 */
async function detectedType(source: Readable): Promise<ReadableStreamWithFileType | undefined> {
  try {
    return await fileTypeStream(source, { sampleSize: 4100 });
  } catch (error) {
    if (source.errored) throw error;
    return undefined;
  }
}

function isFileReference(item: AttachmentInput): item is FileReference {
  return 'file' in item;
}

function fileAttachment(file: FileView, material: string | undefined): NewAttachment {
  return { name: file.name, type: file.mediaType, size: file.size, checksum: `sha256:${file.sha256}`, storageKey: `files/${file.id}`, fileId: file.id, ...(material ? { material } : {}) };
}

function asObjectId(id: string): ObjectId | null {
  return /^[0-9a-f]{24}$/i.test(id) ? new ObjectId(id.toLowerCase()) : null;
}

function viewOf(document: FileDocument): FileView {
  return {
    id: document._id.toHexString(),
    name: document.filename,
    mediaType: document.metadata.mediaType,
    size: document.length,
    sha256: document.metadata.sha256!,
    uploadedBy: document.metadata.uploadedBy,
    uploadedAt: document.uploadDate,
  };
}
