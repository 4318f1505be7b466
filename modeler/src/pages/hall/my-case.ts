import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { noNames } from '../../shared/names';
import type { CaseView } from '../case/case-types';
import { publicReasonLines } from '../case/public-reasons';
import { supplementRequestList } from '../case/supplement-requests';
import { openActionDialog } from '../inbox/action-dialog';
import { fileSize } from '../inbox/attachment-table';
import type { Attachment } from '../inbox/inbox-types';
import { caseFacts } from './case-facts';
import { getMyCase, getService, withdrawCase } from './hall-api';
import { goTo } from './hall-notice';
import type { ServiceView } from './hall-types';
import { serviceRatings } from './service-rating';
import { deferredAnswer, supplementAnswer } from './supplement-answer';

/**
 * #cases/{id}: one application as its applicant follows it — status, step, due date, what the
 * agency asks (the 补正 list as written) with the form to answer it, the decision and its public
 * reasons, the documents, rating the service (好差评) with the answer to a poor rating, and
 * withdrawing while the case runs.
 */
export async function myCasePage(view: HTMLElement, id: string): Promise<void> {
  const item = await getMyCase(id);
  // the guide names the materials and says where to collect the result; a service no longer public has none
  const service = await getService(item.processKey).catch(() => null);
  const reload = (notice: string) => goTo(`cases/${encodeURIComponent(id)}?${Date.now()}`, notice);
  replaceChildren(
    view,
    h('p', {}, h('a', { href: '#cases' }, `← ${t('hall.case.back')}`)),
    h('h1', {}, item.title),
    h('p', { class: 'muted receipt' }, `${t('hall.cases.receiptNo')} ${item.receiptNo}`, item.queryCode ? ` · ${t('hall.case.queryCode')} ${item.queryCode}` : null),
    h('dl', { class: 'facts panel case-facts', dataset: { status: item.status } }, ...caseFacts(item).flatMap(([key, label, value]) => [h('dt', {}, label), h('dd', { dataset: { fact: key } }, value)])),
    supplementAnswer(item, service, reload),
    deferredAnswer(item, service, reload),
    reasons(item),
    collection(item, service),
    serviceRatings(item, reload),
    item.supplementRequests.length > 0 ? h('section', { class: 'supplements' }, h('h2', {}, t('hall.case.supplements')), supplementRequestList(item.supplementRequests, noNames)) : null,
    documents('hall.case.documents', item.attachments.filter((attachment) => attachment.stepId === null), 'my-documents'),
    documents('hall.case.issued', item.attachments.filter((attachment) => attachment.stepId !== null), 'issued-documents'),
    item.status === 'running' ? h('p', { class: 'actions' }, h('button', { type: 'button', id: 'withdraw', onclick: () => askWithdraw(item, reload) }, t('hall.case.withdraw'))) : null,
  );
}

function reasons(item: CaseView): HTMLElement | null {
  if (item.opinions.length === 0) return null;
  return h(
    'section',
    { class: 'reasons' },
    h('h2', {}, t('hall.case.reasons')),
    ...publicReasonLines(item.opinions),
  );
}

function collection(item: CaseView, service: ServiceView | null): HTMLElement | null {
  if (item.status !== 'completed' || !service?.collection) return null;
  return h('section', { class: 'collection' }, h('h2', {}, t('hall.case.collection')), h('p', {}, service.collection));
}

/** The case's files, each downloadable where govflow stores it. */
function documents(title: string, attachments: Attachment[], id: string): HTMLElement {
  return h(
    'section',
    { id, class: 'documents' },
    h('h2', {}, t(title)),
    attachments.length === 0
      ? h('p', { class: 'empty' }, t('hall.case.noDocuments'))
      : h(
          'ul',
          { class: 'document-list' },
          ...attachments.map((attachment) =>
            h(
              'li',
              { dataset: { attachmentId: attachment.id } },
              attachment.fileId ? h('a', { href: `/api/files/${attachment.fileId}`, download: attachment.name, 'aria-label': t('hall.case.download', { name: attachment.name }) }, attachment.name) : attachment.name,
              h('span', { class: 'muted' }, ` ${fileSize(attachment.size)}`),
            ),
          ),
        ),
  );
}

function askWithdraw(item: CaseView, reload: (notice: string) => void): void {
  openActionDialog({
    title: t('hall.case.withdrawConfirm'),
    fields: [{ name: 'reason', label: t('hall.case.withdrawReason'), kind: 'textarea' }],
    submit: async (values) => {
      await withdrawCase(item.id, values.reason || undefined);
      reload(t('hall.case.withdrawn'));
    },
  });
}
