/*
 * Building the page from API answers. Strings always become text, never markup: case numbers,
 * model ids, names and messages come from the server or from uploaded files (R-NO-DISCLOSURE).
 */

/** Creates an element; children are nodes or strings (strings become text nodes). */
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

/** Runs the page's start once the document is parsed (the scripts are loaded with defer). */
export function whenReady(start) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}
