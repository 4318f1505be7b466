import Modeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import govflow from '../../../../../engine/definitions/govflow-moddle.json';
import { modelerLintConfig } from '../lint/lint-config';
import { govflowPropertiesModule } from '../properties/govflow-properties-provider';
import type { Directory } from '../properties/services';
import { translateModule } from '../translate/translate-module';
import { userTaskPaletteModule } from '../palette/user-task-palette';

/**
 * The bpmn-js modeler of the page: the govflow moddle extension (the engine's own descriptor),
 * the properties panel with the govflow group, the user task in the palette, live linting with
 * the server's rules, and the page language.
 */
export function createModeler(canvas: HTMLElement, propertiesPanel: HTMLElement, directory: Directory): Modeler {
  return new Modeler({
    container: canvas,
    propertiesPanel: { parent: propertiesPanel, layout: { groups: { general: { open: true }, govflow: { open: true } } } },
    linting: { bpmnlint: modelerLintConfig(), active: true },
    govflow: { directory },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, govflowPropertiesModule, userTaskPaletteModule, lintModule, translateModule],
    moddleExtensions: { govflow },
  });
}
