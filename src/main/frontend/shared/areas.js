/* Pakistan's provinces and territories by the codes the API uses, and a user's area in words. */

export const PROVINCES = Object.freeze({
  PB: 'Punjab', SD: 'Sindh', KP: 'Khyber Pakhtunkhwa', BA: 'Balochistan',
  ICT: 'Islamabad Capital Territory', GB: 'Gilgit-Baltistan', AJK: 'Azad Jammu and Kashmir'
});

export function isProvince(code) {
  return Object.prototype.hasOwnProperty.call(PROVINCES, code);
}

/** "Punjab (PB)"; an unknown code as written, none as empty text. */
export function provinceName(code) {
  return code && isProvince(code) ? PROVINCES[code] + ' (' + code + ')' : (code || '');
}

/** The area a user sees (the answer of GET /api/me) in words. */
export function areaText(me) {
  switch (me && me.scope) {
    case 'NATIONAL':
      return 'National (all provinces)';
    case 'PROVINCE':
      return provinceName(me.province);
    case 'DISTRICT':
      return me.district + ', ' + provinceName(me.province);
    default:
      return 'No area assigned';
  }
}
