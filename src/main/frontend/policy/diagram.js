import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { el } from '../shared/dom.js';
import { plural } from '../shared/format.js';
import { deadlineOf, humanDuration, humanStart, KIND_LABEL, KIND_MEANING } from './deadlines.js';

// Overlays stay readable when a large pathway is zoomed out to fit its card.
const OVERLAY_SCALE = { min: 0.85, max: 1.4 };
const LABEL_HEIGHT = 22;

/** One pathway's diagram: a read-only bpmn-js viewer with deadline and waiting-case overlays. */
export class PathwayDiagram {
  constructor(container) {
    this.viewer = new NavigatedViewer({
      container,
      // Without the Camunda extension, camunda:properties (the deadlines) would not be readable.
      moddleExtensions: { camunda: camundaModdle }
    });
  }

  /** Renders a version; returns its deadlines [{elementId, elementName, rule, ...}]. */
  async show(xml) {
    await this.viewer.importXML(xml);
    this.fit();
    const deadlines = [];
    const placed = [];
    // Diagram units per overlay pixel at the fitted zoom: overlays never shrink below their minimum.
    const enlarged = Math.max(1, OVERLAY_SCALE.min / this.viewer.get('canvas').zoom());
    const overlays = this.viewer.get('overlays');
    const shapes = this.viewer.get('elementRegistry')
      .filter((element) => !element.waypoints && element.type !== 'label' && deadlineOf(element.businessObject))
      .sort((a, b) => a.y - b.y || a.x - b.x);
    for (const element of shapes) {
      const deadline = deadlineOf(element.businessObject);
      const name = element.businessObject.name || element.id;
      deadlines.push({ elementId: element.id, elementName: name, ...deadline });
      const target = humanDuration(deadline.target);
      const html = el('div', {
        className: 'overlay-deadline overlay-deadline--' + deadline.kind,
        'data-rule': deadline.rule,
        'data-kind': deadline.kind,
        'data-target': deadline.target,
        'data-element': element.id,
        title: KIND_LABEL[deadline.kind] + ' ' + deadline.rule + ': ' + target + ' '
          + humanStart(deadline.start) + '. ' + KIND_MEANING[deadline.kind]
      }, [
        el('span', { className: 'overlay-deadline__kind', text: deadline.kind === 'statute' ? '§ Statute' : 'Policy' }),
        ' ' + deadline.rule + ' · ' + target
      ]);
      // Above the element; a task at the top of a subprocess that has its own deadline would
      // hide the subprocess's label, so later labels move up until they are clear.
      const width = Math.max(html.textContent.length * 7.5, 120) * enlarged;
      const height = LABEL_HEIGHT * enlarged;
      let top = -height - 4;
      const clash = (box) => element.x < box.x + box.width && box.x < element.x + width
        && element.y + top < box.y + height && box.y < element.y + top + height;
      while (placed.some(clash)) {
        top -= height + 2;
      }
      placed.push({ x: element.x, y: element.y + top, width });
      overlays.add(element.id, 'deadline', { position: { top, left: 0 }, scale: OVERLAY_SCALE, html });
    }
    return deadlines;
  }

  /** Puts a badge with the number of running cases waiting at each activity; returns those shown. */
  showWaiting(activities) {
    const overlays = this.viewer.get('overlays');
    const registry = this.viewer.get('elementRegistry');
    overlays.remove({ type: 'waiting' });
    const shown = [];
    for (const { activityId, waiting } of activities || []) {
      const element = registry.get(activityId);
      if (!element || !(waiting > 0)) {
        continue;
      }
      shown.push({ activityId, activityName: element.businessObject.name || activityId, waiting });
      overlays.add(activityId, 'waiting', {
        position: { bottom: 10, right: 10 },
        scale: OVERLAY_SCALE,
        html: el('div', {
          className: 'overlay-waiting',
          'data-activity-id': activityId,
          'data-waiting': waiting,
          title: plural(waiting, 'case', 'cases') + ' waiting here'
        }, [String(waiting)])
      });
    }
    return shown;
  }

  fit() {
    const canvas = this.viewer.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
  }

  zoom(factor) {
    const canvas = this.viewer.get('canvas');
    canvas.zoom(canvas.zoom() * factor);
  }
}
