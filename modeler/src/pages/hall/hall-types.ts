/** The shapes the online hall reads: GET /api/services (engine/hall/service-view.ts), POST /api/files, GET /api/notifications. */
import type { MaterialSpec, ServiceView } from '../../../../engine/api-types';

export type { MaterialSpec, ServiceView };

/** A file the server stored, as POST /api/files answers it. */
export interface StoredFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** An uploaded file and the material it is. */
export interface UploadedMaterial {
  material: string;
  file: StoredFile;
}

export interface NotificationItem {
  id: string;
  caseId: string;
  kind: string;
  message: string;
  at: string;
}
