export { defaultFileLimits, fileTooLarge, type FileLimits } from './file-rules';
export { FileStore, type AttachmentInput, type WithAttachmentInputs, type FileReference, type FileView } from './file-store';
