/**
 * Deadlines as the models declare them (docs/adr/0003): camunda:properties sla.rule, sla.target,
 * sla.warning, sla.start and sla.kind on any element.
 */

/** The element's deadline, or null; reads camunda:properties through camunda-bpmn-moddle. */
export function deadlineOf(businessObject) {
  const extensions = businessObject && businessObject.extensionElements;
  const values = (extensions && extensions.values) || [];
  const properties = {};
  for (const extension of values) {
    if (extension.$type === 'camunda:Properties') {
      for (const property of extension.values || []) {
        if (property.name) {
          properties[property.name] = property.value;
        }
      }
    }
  }
  if (!properties['sla.rule']) {
    return null;
  }
  return {
    rule: properties['sla.rule'],
    target: properties['sla.target'] || '',
    warning: properties['sla.warning'] || '',
    start: properties['sla.start'] || '',
    // A deadline that does not say which it is counts as the stricter kind.
    kind: properties['sla.kind'] === 'policy' ? 'policy' : 'statute'
  };
}

const UNITS = [
  ['Y', 'year', 'years'], ['M', 'month', 'months'], ['W', 'week', 'weeks'], ['D', 'day', 'days']
];
const TIME_UNITS = [['H', 'hour', 'hours'], ['M', 'minute', 'minutes'], ['S', 'second', 'seconds']];

/** "PT24H" → "24 hours", "P4M" → "4 months"; anything else is shown as written. */
export function humanDuration(iso) {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/
    .exec(iso || '');
  if (!match || iso === 'P' || iso.endsWith('T')) {
    return iso || '';
  }
  const parts = [];
  [...UNITS, ...TIME_UNITS].forEach(([, one, many], index) => {
    const value = match[index + 1];
    if (value !== undefined && Number(value) !== 0) {
      parts.push(value + ' ' + (Number(value) === 1 ? one : many));
    }
  });
  return parts.length ? parts.join(' ') : iso;
}

/** Where the clock starts, in words. */
export function humanStart(start) {
  if (!start || start === 'activity') {
    return 'when this step starts';
  }
  return 'from ' + start;
}

export const KIND_LABEL = { statute: 'Statutory deadline', policy: 'Policy deadline' };
export const KIND_MEANING = {
  statute: 'Set by law: it cannot be removed or lengthened.',
  policy: 'Set by policy: policy staff may change it.'
};
