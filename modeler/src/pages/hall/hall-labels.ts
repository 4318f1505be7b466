import { t } from '../../shared/i18n';
import { fileSize } from '../inbox/attachment-table';
import type { MaterialSpec } from './hall-types';

/** 原件 · 2 份. */
export function materialFormLabel(material: MaterialSpec): string {
  return [t(`hall.material.${material.form}`), material.copies ? t('hall.material.copies', { n: material.copies }) : ''].filter(Boolean).join(' · ');
}

/** 必需, 非必需; where the service allows 容缺受理, 必需（不可容缺） for a material it cannot accept without. */
export function materialNeedLabel(material: MaterialSpec, incompleteAcceptance: boolean): string {
  return material.required ? `${t('hall.material.required')}${incompleteAcceptance && material.essential ? t('hall.material.essential') : ''}` : t('hall.material.optional');
}

/** What a file of the material may be: 不超过 10.0 MB · PDF、JPEG. */
export function materialLimitsLabel(material: MaterialSpec): string {
  const types = (material.mediaTypes ?? []).map(typeName).join('、');
  return [material.maxSizeMb ? t('hall.material.limits', { size: fileSize(material.maxSizeMb * 1024 * 1024) }) : '', types].filter(Boolean).join(' · ');
}

/** application/pdf → PDF, image/jpeg → JPEG. */
function typeName(mediaType: string): string {
  return mediaType.slice(mediaType.indexOf('/') + 1).replace(/^vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/, 'docx').toUpperCase();
}
