/** A new process: executable, with a start event, ready for govflow attributes. */
export function newDiagram(name: string): string {
  const id = `process_${Math.random().toString(36).slice(2, 8)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:govflow="http://govflow.org/schema/1.0/bpmn" id="${id}-definitions" targetNamespace="http://govflow.org/processes">
  <bpmn:process id="${id}" name="${name.replace(/[<&"]/g, '')}" isExecutable="true">
    <bpmn:startEvent id="${id}-start" name="申请提交" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="${id}-diagram">
    <bpmndi:BPMNPlane id="${id}-plane" bpmnElement="${id}">
      <bpmndi:BPMNShape id="${id}-start-shape" bpmnElement="${id}-start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
