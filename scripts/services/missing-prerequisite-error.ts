/** Thrown by the local-services starter when a server binary is missing; its message says what to install or set. */
export class MissingPrerequisiteError extends Error {
  override name = 'MissingPrerequisiteError';
}
