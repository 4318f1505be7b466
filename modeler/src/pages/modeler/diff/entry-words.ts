import { h } from '../../../shared/dom';
import { t } from '../../../shared/i18n';
import type { ItemField } from '../properties/extension-list-group';
import { formFieldsList, materialsList } from '../properties/govflow-groups';
import { translate } from '../translate/translate-module';
import type { EntryChange, EntryList, PropertyChange } from './model-diff';

/** The properties panel's own words for each list's attributes, so a change reads as it was made. */
const fieldsOf: Record<EntryList, readonly ItemField[]> = { form: formFieldsList.fields, materials: materialsList.fields };

/** An attribute's value as the panel shows it: a field type in words, yes or no for a tick box. */
function valueText(field: ItemField | undefined, value: string | undefined): string {
  if (value === undefined) return t('modeler.unset');
  if (field?.kind === 'checkbox') return t(value === 'true' ? 'modeler.diff.yes' : 'modeler.diff.no');
  if (field?.kind === 'select') return translate(field.optionLabels?.[value] ?? value);
  return value;
}

function attributeLine(list: EntryList, change: PropertyChange, added: boolean): HTMLElement {
  const field = fieldsOf[list].find((candidate) => candidate.property === change.property);
  const name = field ? translate(field.label) : change.property;
  if (added) return h('li', {}, `${name}：`, h('ins', {}, valueText(field, change.after)));
  return h('li', {}, `${name}：`, h('del', {}, valueText(field, change.before)), ' → ', h('ins', {}, valueText(field, change.after)));
}

/** One form field or material in words: 新增表单字段「经营项目」 with its settings, or what of it changed. */
export function entryWords(entry: EntryChange): HTMLElement {
  const heading = t(`modeler.diff.entry.${entry.list}.${entry.kind}`, { label: entry.label });
  const shown = entry.kind === 'added' ? entry.attributes.filter((change) => change.property !== (entry.list === 'form' ? 'label' : 'name')) : entry.attributes;
  return h('li', { class: `diff-entry-item ${entry.kind}`, dataset: { list: entry.list, key: entry.key } }, heading, shown.length > 0 ? h('ul', {}, ...shown.map((change) => attributeLine(entry.list, change, entry.kind === 'added'))) : null);
}
