import type { RuleFactory } from 'bpmnlint';
import { is } from 'bpmnlint-utils';
import { extensionElement, fieldTypes } from '../form-spec';
import { processOf } from '../moddle';
import { materialElements } from '../service-guide-spec';

/** Every form field of a step or of the application (the start event) has a unique name and a known type; an enum offers its options; a materials field asks for the service's materials. */
const formFields: RuleFactory = () => ({
  check(node, reporter) {
    if (!is(node, 'bpmn:UserTask') && !is(node, 'bpmn:StartEvent')) return;
    const id = String(node.id);
    const form = extensionElement(node, 'govflow:Form');
    const seen = new Set<string>();
    for (const field of (form?.fields as ModdleElement[] | undefined) ?? []) {
      const name = typeof field.name === 'string' ? field.name.trim() : '';
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) reporter.report(id, `form field "${name}" needs a name of letters, digits and _ (it becomes a process variable)`);
      else if (seen.has(name)) reporter.report(id, `form field "${name}" is declared twice`);
      seen.add(name);
      const type = field.type ?? 'string';
      if (!(fieldTypes as readonly unknown[]).includes(type)) reporter.report(id, `form field "${name}" has unknown type "${String(type)}" (${fieldTypes.join(', ')})`);
      if (type === 'enum' && !(typeof field.options === 'string' && field.options.trim())) reporter.report(id, `form field "${name}" is an enum without options`);
      if (type === 'materials' && (is(node, 'bpmn:StartEvent') || materialElements(processOf(node) ?? node).length === 0)) {
        reporter.report(id, `form field "${name}" asks for materials: it belongs on a step of a process whose service guide lists materials (govflow:materials)`);
      }
    }
  },
});

export default formFields;
