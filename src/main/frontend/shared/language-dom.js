/*
 * Applies a page's Urdu: the language button in the page's header (the same choice as
 * Tasklist's), and in Urdu the page right to left, each text replaced by its Urdu as the page
 * shows it and as the page's scripts fill it in later. Case numbers, names and figures stay as
 * they are: only texts in the dictionary change.
 */
import { STORED_LANGUAGE, normalise, pickLanguage, translate } from './language.js';

const ATTRIBUTES = ['placeholder', 'title', 'aria-label'];
/** Elements whose words are translated whole, even with a word in bold inside. */
const INLINE = new Set(['STRONG', 'EM', 'CODE', 'B', 'I', 'ABBR']);

function storedChoice() {
  try {
    return window.localStorage.getItem(STORED_LANGUAGE);
  } catch (e) {
    return null;
  }
}

function translateAttributes(element, dictionary) {
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    const urdu = value && translate(value, dictionary);
    if (urdu) {
      element.setAttribute(name, urdu.trim());
    }
  }
}

function translateNode(node, dictionary) {
  if (node.nodeType === Node.TEXT_NODE) {
    const urdu = translate(node.data, dictionary);
    if (urdu !== null) {
      node.data = urdu;
    }
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || node.tagName === 'SCRIPT' || node.tagName === 'STYLE'
      || node.tagName === 'TEXTAREA' || node.namespaceURI !== 'http://www.w3.org/1999/xhtml'
      || node.closest('[translate="no"]')) {
    return;
  }
  translateAttributes(node, dictionary);
  const children = Array.from(node.children);
  // A sentence with words in bold is one text in the dictionary: translated whole.
  if (children.length && children.every((child) => INLINE.has(child.tagName) && !child.id)) {
    const urdu = translate(node.textContent, dictionary);
    if (urdu !== null) {
      node.textContent = urdu.trim();
      return;
    }
  }
  for (const child of Array.from(node.childNodes)) {
    translateNode(child, dictionary);
  }
}

/** The button that switches the page (and Tasklist) to the other language. */
function languageButton(language) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--on-dark language-switch';
  button.setAttribute('data-testid', 'language-switch');
  button.setAttribute('translate', 'no');
  const other = language === 'ur' ? 'en' : 'ur';
  button.setAttribute('lang', other);
  button.textContent = other === 'ur' ? 'اردو' : 'English';
  button.addEventListener('click', () => {
    try {
      window.localStorage.setItem(STORED_LANGUAGE, other);
    } catch (e) {
      // A browser that keeps nothing follows its own language.
    }
    window.location.reload();
  });
  return button;
}

/** Puts the page in the officer's language; answers 'ur' or 'en'. */
export function applyLanguage(dictionary) {
  const language = pickLanguage(storedChoice(), window.navigator.languages
    || [window.navigator.language]);
  const header = document.querySelector('.page-header');
  if (header) {
    header.append(languageButton(language));
  }
  if (language !== 'ur') {
    return language;
  }
  document.documentElement.setAttribute('lang', 'ur');
  document.documentElement.setAttribute('dir', 'rtl');
  const title = dictionary[normalise(document.title)];
  if (title) {
    document.title = title;
  }
  translateNode(document.body, dictionary);
  // What the page's scripts write later (a panel's empty state, a heading) is translated too.
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'characterData') {
        translateNode(change.target, dictionary);
      } else {
        change.addedNodes.forEach((node) => translateNode(node, dictionary));
      }
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  return language;
}
