/*
 * A page in Urdu or English: the officer's choice (kept in this browser under the same key as
 * Tasklist's language button, so one choice holds everywhere), else the browser's language.
 * A page's Urdu is a dictionary from its English text, whole sentences as the page shows them;
 * this part is pure, for the unit tests; language-dom.js applies it to the page.
 */

/** Where the choice is kept; Tasklist's scripts/hifazat-tasklist.js keeps it there too. */
export const STORED_LANGUAGE = 'hifazat.language';

/** 'ur' or 'en': the stored choice, else the browser's first language. */
export function pickLanguage(stored, languages) {
  if (stored === 'ur' || stored === 'en') {
    return stored;
  }
  const first = (languages && languages[0]) || 'en';
  return String(first).toLowerCase().startsWith('ur') ? 'ur' : 'en';
}

/** Text as a dictionary looks it up: spaces and line breaks collapsed, trimmed. */
export function normalise(text) {
  return String(text || '').replace(/\s+/g, ' ').trim();
}

/** The Urdu of a text, keeping the spaces around it; null when the dictionary has none. */
export function translate(text, dictionary) {
  const key = normalise(text);
  if (!key || !Object.prototype.hasOwnProperty.call(dictionary, key)) {
    return null;
  }
  const lead = /^\s*/.exec(text)[0];
  const trail = /\s*$/.exec(text)[0];
  return (lead ? ' ' : '') + dictionary[key] + (trail ? ' ' : '');
}

/** Texts that need no Urdu: no letters, or names and file types that stay as they are. */
export function needsWords(text) {
  return /\p{L}{2,}/u.test(text) && !/^(Hifazat|PKT|\.bpmn|\.dmn|\.form|R-… · \d+ hours)$/.test(text);
}

/**
 * The texts a page's HTML shows between its tags and in its placeholders and titles, for the
 * tests that count every text has its Urdu (scripts and styles left out).
 */
export function pageTexts(html) {
  const body = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const texts = [];
  for (const match of body.matchAll(/>([^<>]+)</g)) {
    const text = normalise(match[1].replace(/&amp;/g, '&').replace(/&times;/g, '×'));
    if (text) {
      texts.push(text);
    }
  }
  for (const match of body.matchAll(/\s(?:placeholder|title|aria-label)="([^"]+)"/g)) {
    texts.push(normalise(match[1]));
  }
  return texts.filter(needsWords);
}

/**
 * The texts of a page with no Urdu: neither a whole text of the dictionary nor a part of one
 * (a sentence with a word in bold is translated whole).
 */
export function untranslated(texts, dictionary) {
  const keys = Object.keys(dictionary);
  return texts.filter((text) => !Object.prototype.hasOwnProperty.call(dictionary, text)
    && !keys.some((key) => key.includes(text)));
}
