import './work-messages';
import { chinaTime, h } from '../../shared/dom';
import { t } from '../../shared/i18n';
import type { Attachment } from './inbox-types';

/** A case's documents by metadata, each a download where govflow stores the file (else another store keeps it). */
export function attachmentTable(attachments: Attachment[], stepNames: Record<string, string> = {}): HTMLElement {
  if (attachments.length === 0) return h('p', { class: 'empty' }, t('work.noMaterials'));
  const head = ['work.att.name', 'work.att.by', 'work.att.at', 'work.att.checksum'];
  return h(
    'table',
    { class: 'grid attachments' },
    h('thead', {}, h('tr', {}, ...head.map((key) => h('th', {}, t(key))))),
    h(
      'tbody',
      {},
      ...attachments.map((item) =>
        h(
          'tr',
          { dataset: { attachmentId: item.id } },
          h('td', { class: 'name' }, item.fileId ? h('a', { href: `/api/files/${item.fileId}`, download: item.name, class: 'download' }, item.name) : item.name, h('div', { class: 'muted' }, [item.type, fileSize(item.size), item.stepId ? (stepNames[item.stepId] ?? item.stepId) : t('work.att.application')].join(' · '))),
          h('td', {}, item.addedBy),
          h('td', {}, chinaTime(item.addedAt)),
          h('td', { class: 'checksum', title: item.checksum }, item.checksum.replace(/^sha256:/, '').slice(0, 12)),
        ),
      ),
    ),
  );
}

/** 1.2 MB, 35 KB, 800 B. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
