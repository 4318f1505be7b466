/** Saves `content` as a download named `fileName`. */
export function download(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** An `<input type=file>` for .bpmn files that hands the chosen file's text to `onFile`. */
export function bpmnFileInput(onFile: (xml: string, fileName: string) => void): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.bpmn,.xml,application/xml,text/xml';
  input.className = 'bpmn-file-input';
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const xml = await file.text();
    input.value = '';
    onFile(xml, file.name);
  });
  return input;
}
