import { ApiError } from '../../shared/api-client';
import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { reasonText } from '../../shared/server-messages';
import { fileSize } from '../inbox/attachment-table';
import { uploadMaterial, type MaterialAttachment } from './hall-api';
import { materialFormLabel, materialLimitsLabel, materialNeedLabel } from './hall-labels';
import type { MaterialSpec, UploadedMaterial } from './hall-types';

/** The materials of an application or a supplement, each uploaded as soon as it is chosen. */
export interface MaterialUploads {
  element: HTMLElement;
  uploaded(): UploadedMaterial[];
  attachments(): MaterialAttachment[];
  /** The materials that must be handed in and have no file yet. */
  missing(): MaterialSpec[];
}

/**
 * One row per material: what it is, its limits, a file chooser, and the files already uploaded
 * with their size and the server's sha256. The server checks each file against its material
 * at upload, so a file too large or of a refused type is refused here, before submitting.
 * `mustHave` names the materials the submission needs; `changed` runs after every upload or removal.
 */
export function materialUploads(service: string, materials: MaterialSpec[], mustHave: (material: MaterialSpec) => boolean, initial: UploadedMaterial[], changed: () => void, incompleteAcceptance = false): MaterialUploads {
  const files = [...initial];
  const rows = materials.map((material, index) => {
    const id = `material-${index}`;
    const list = h('ul', { class: 'uploaded-files' });
    const status = h('p', { class: 'upload-status', role: 'status' });
    const input = h('input', { type: 'file', id, multiple: true, accept: material.mediaTypes?.join(',') });
    const redraw = () => replaceChildren(list, ...files.filter((file) => file.material === material.key).map((file) => uploadedItem(file, () => remove(file))));
    const remove = (file: UploadedMaterial) => {
      files.splice(files.indexOf(file), 1);
      redraw();
      changed();
    };
    input.addEventListener('change', async () => {
      for (const chosen of Array.from(input.files ?? [])) {
        status.className = 'upload-status';
        status.textContent = t('hall.material.uploading', { name: chosen.name });
        try {
          files.push({ material: material.key, file: await uploadMaterial(service, material.key, chosen) });
          status.textContent = '';
          redraw();
          changed();
        } catch (error) {
          status.className = 'upload-status error';
          status.textContent = uploadProblem(chosen.name, error);
        }
      }
      input.value = '';
    });
    redraw();
    const row = h(
      'li',
      { class: 'material-upload panel', dataset: { material: material.key } },
      h('div', { class: 'material-head' }, h('strong', {}, material.name), h('span', { class: 'material-need', dataset: { required: String(mustHave(material)) } }, materialNeedLabel({ ...material, required: mustHave(material) }, incompleteAcceptance))),
      h('div', { class: 'muted' }, [materialFormLabel(material), materialLimitsLabel(material)].filter(Boolean).join(' · ')),
      list,
      // the native chooser speaks the browser's language; the label beside it, styled as the button, speaks the page's
      input,
      h('label', { for: id, class: 'button upload-label' }, t('hall.material.choose', { name: material.name })),
      status,
    );
    return row;
  });
  return {
    element: h('ol', { class: 'material-uploads' }, ...rows),
    uploaded: () => [...files],
    attachments: () => files.map(({ material, file }) => ({ file: file.id, material })),
    missing: () => materials.filter((material) => mustHave(material) && !files.some((file) => file.material === material.key)),
  };
}

function uploadedItem({ file }: UploadedMaterial, remove: () => void): HTMLElement {
  return h(
    'li',
    { dataset: { fileId: file.id } },
    h('a', { href: `/api/files/${file.id}`, download: file.name }, file.name),
    h('span', { class: 'muted' }, ` ${fileSize(file.size)} · sha256 ${file.sha256.slice(0, 12)}`),
    h('button', { type: 'button', class: 'link remove-file', 'aria-label': t('hall.material.remove', { name: file.name }), onclick: remove }, '×'),
  );
}

/** Why the server refused a file, in the page's words. */
function uploadProblem(name: string, error: unknown): string {
  const detail = error instanceof ApiError ? reasonText(error.why, error.detail) : String(error);
  if (error instanceof ApiError && error.status === 413) return t('hall.material.tooLarge', { name, detail });
  if (error instanceof ApiError && error.status === 415) return t('hall.material.badType', { name, detail });
  return t('hall.material.failed', { name, detail });
}
