/** A small process around one countersign step, for the suites of countersign, add-signer and return. */
export function countersignProcess(key: string, options: { rule: 'all' | 'any' | 'vote'; signers: string; sequential?: boolean; passShare?: number }): string {
  const share = options.passShare === undefined ? '' : ` govflow:passShare="${options.passShare}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:govflow="http://govflow.org/schema/1.0/bpmn" id="${key}-definitions" targetNamespace="http://govflow.org/test">
  <bpmn:process id="${key}" name="会签测试" isExecutable="true">
    <bpmn:startEvent id="start" name="申请"><bpmn:outgoing>toPrepare</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="prepare" name="拟办" govflow:candidateGroups="window@market-bureau">
      <bpmn:incoming>toPrepare</bpmn:incoming><bpmn:outgoing>toSign</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:userTask id="sign" name="部门会签" govflow:countersign="${options.rule}" govflow:signers="${options.signers}"${share} govflow:decisions="agree,disagree">
      <bpmn:incoming>toSign</bpmn:incoming><bpmn:outgoing>toOutcome</bpmn:outgoing>
      <bpmn:multiInstanceLoopCharacteristics isSequential="${options.sequential === true}" />
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="outcome" name="是否通过？" default="toRejected">
      <bpmn:incoming>toOutcome</bpmn:incoming><bpmn:outgoing>toRecord</bpmn:outgoing><bpmn:outgoing>toRejected</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:userTask id="record" name="登记结果" govflow:candidateGroups="window@market-bureau">
      <bpmn:incoming>toRecord</bpmn:incoming><bpmn:outgoing>toDone</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="done" name="通过"><bpmn:incoming>toDone</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="rejected" name="未通过"><bpmn:incoming>toRejected</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="toPrepare" sourceRef="start" targetRef="prepare" />
    <bpmn:sequenceFlow id="toSign" sourceRef="prepare" targetRef="sign" />
    <bpmn:sequenceFlow id="toOutcome" sourceRef="sign" targetRef="outcome" />
    <bpmn:sequenceFlow id="toRecord" name="通过" sourceRef="outcome" targetRef="record">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${decision == "agree"}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="toRejected" name="不通过" sourceRef="outcome" targetRef="rejected" />
    <bpmn:sequenceFlow id="toDone" sourceRef="record" targetRef="done" />
  </bpmn:process>
</bpmn:definitions>`;
}
