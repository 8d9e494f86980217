/**
 * Creates an element; children are nodes or strings. Strings always become text, never markup:
 * model ids, names and messages come from uploaded files.
 */
export function el(tag, attributes, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = String(value);
    } else if (name === 'className') {
      node.className = value;
    } else if (name === 'hidden') {
      node.hidden = true;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children || []) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  }
  return node;
}

export function $(id) {
  return document.getElementById(id);
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Karachi', day: 'numeric', month: 'short', year: 'numeric',
  hour: '2-digit', minute: '2-digit', hour12: false
});

/** Pakistan time, as the rest of Hifazat shows it. */
export function formatTime(iso) {
  if (!iso) {
    return '—';
  }
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? String(iso) : DATE_TIME.format(time) + ' PKT';
}

export function plural(count, one, many) {
  return count + ' ' + (count === 1 ? one : many);
}
