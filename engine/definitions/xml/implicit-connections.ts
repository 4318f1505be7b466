/// <reference path="../../types/vendor.d.ts" />
/**
 * `<incoming>`/`<outgoing>` children repeat what a sequence flow's sourceRef/targetRef already
 * say, and many tools omit them (valid BPMN). Lint rules, govflow and the modeler's auto-layout
 * read the connection from the flow nodes, so the lists are completed from the flows of every
 * process and sub-process. Kept free of Node APIs: the modeler bundles it.
 */
export function deriveImplicitConnections(definitions: ModdleElement): void {
  for (const root of (definitions.rootElements as ModdleElement[] | undefined) ?? []) connect(root);
}

function connect(container: ModdleElement): void {
  for (const element of (container.flowElements as ModdleElement[] | undefined) ?? []) {
    if (element.$type === 'bpmn:SequenceFlow') {
      addOnce(element.sourceRef as ModdleElement | undefined, 'outgoing', element);
      addOnce(element.targetRef as ModdleElement | undefined, 'incoming', element);
    }
    if (element.flowElements) connect(element);
  }
}

function addOnce(node: ModdleElement | undefined, list: 'incoming' | 'outgoing', flow: ModdleElement): void {
  if (!node) return;
  const flows = node.get(list) as ModdleElement[];
  if (!flows.includes(flow)) flows.push(flow);
}
