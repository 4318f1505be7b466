/** The shapes the online hall reads: GET /api/services (engine/hall/service-view.ts), POST /api/files, GET /api/notifications. */
import type { MaterialSpec, NotificationView, ServiceView } from '../../../../engine/api-types';

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

/** A notification of the applicant's, as GET /api/notifications lists it. */
export type NotificationItem = NotificationView;
