import type { DiagramElement } from '../properties/services';

interface PaletteEntry {
  group: string;
  className: string;
  title: string;
  action: { dragstart(event: Event): void; click(event: Event): void };
}

interface Palette {
  registerProvider(priority: number, provider: { getPaletteEntries(): (entries: Record<string, PaletteEntry>) => Record<string, PaletteEntry> }): void;
}

interface Create {
  start(event: Event, shape: DiagramElement): void;
}

interface ElementFactory {
  createShape(attributes: { type: string }): DiagramElement;
}

/**
 * Puts the user task — the step a clerk or leader works, which nearly every government process is
 * made of — in the palette beside bpmn-js's plain task, so a designer need not change a task's type
 * with the wrench after drawing it.
 */
export class UserTaskPalette {
  static $inject = ['palette', 'create', 'elementFactory', 'translate'];

  constructor(
    palette: Palette,
    private readonly create: Create,
    private readonly elementFactory: ElementFactory,
    private readonly translate: (text: string) => string,
  ) {
    palette.registerProvider(500, this);
  }

  getPaletteEntries(): (entries: Record<string, PaletteEntry>) => Record<string, PaletteEntry> {
    return (entries) => {
      const start = (event: Event) => this.create.start(event, this.elementFactory.createShape({ type: 'bpmn:UserTask' }));
      const userTask: PaletteEntry = { group: 'activity', className: 'bpmn-icon-user-task', title: this.translate('Create user task'), action: { dragstart: start, click: start } };
      // right after the plain task, keeping the palette's order otherwise
      return Object.fromEntries(Object.entries(entries).flatMap(([key, entry]) => (key === 'create.task' ? [[key, entry], ['create.user-task', userTask]] : [[key, entry]])));
    };
  }
}

export const userTaskPaletteModule = {
  __init__: ['userTaskPalette'],
  userTaskPalette: ['type', UserTaskPalette],
};
