import { Group } from '@bpmn-io/properties-panel';
import type { EntryDefinition } from './attribute-entries';
import { conditionEntries, takesCondition } from './condition-entries';
import { extensionListGroup, type ListGroupDefinition } from './extension-list-group';
import { discretionList, formFieldsList, materialsList, processEntries, serviceGuideEntries, userTaskEntries } from './govflow-groups';
import { processOf, type BpmnFactory, type CommandStack, type DiagramElement, type ModdleObject, type Translate } from './services';

interface GroupDefinition {
  id: string;
  label: string;
  component?: typeof Group;
  entries: EntryDefinition[];
  shouldOpen?: boolean;
}

type AnyGroup = GroupDefinition | ListGroupDefinition;

interface PropertiesPanel {
  registerProvider(priority: number, provider: { getGroups(element: DiagramElement): (groups: AnyGroup[]) => AnyGroup[] }): void;
}

/**
 * Adds the branch condition (流转条件) to the flows leaving a gateway, the "govflow" group (who
 * acts, limits, decisions, countersign …) to user tasks and
 * processes, the service guide and its materials to processes, and list groups for a task's
 * form fields and a process's discretion table.
 */
export class GovflowPropertiesProvider {
  static $inject = ['propertiesPanel', 'translate', 'bpmnFactory', 'commandStack'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly translate: Translate,
    private readonly bpmnFactory: BpmnFactory,
    private readonly commandStack: CommandStack,
  ) {
    propertiesPanel.registerProvider(500, this);
  }

  getGroups(element: DiagramElement): (groups: AnyGroup[]) => AnyGroup[] {
    return (groups) => {
      const businessObject = element.businessObject as ModdleObject;
      const services = { bpmnFactory: this.bpmnFactory, commandStack: this.commandStack, translate: this.translate };
      const index = Math.min(1, groups.length); // right after "General"
      if (takesCondition(element)) {
        groups.splice(index, 0, { id: 'govflow-condition', label: this.translate('Branch condition'), component: Group, entries: conditionEntries(), shouldOpen: true });
      } else if (businessObject.$type === 'bpmn:UserTask') {
        groups.splice(index, 0, this.#group(userTaskEntries()), extensionListGroup(element, businessObject, formFieldsList, services));
      } else {
        const process = processOf(element);
        if (process) {
          groups.splice(index, 0, this.#group(processEntries()), this.#group(serviceGuideEntries(), 'govflow-service', 'govflow service guide'), extensionListGroup(element, process, materialsList, services), extensionListGroup(element, process, discretionList, services));
        }
      }
      return groups;
    };
  }

  #group(entries: EntryDefinition[], id = 'govflow', label = 'govflow'): GroupDefinition {
    return { id, label: this.translate(label), component: Group, entries, shouldOpen: id === 'govflow' };
  }
}

export const govflowPropertiesModule = {
  __init__: ['govflowPropertiesProvider'],
  govflowPropertiesProvider: ['type', GovflowPropertiesProvider],
};
