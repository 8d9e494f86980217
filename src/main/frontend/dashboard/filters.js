/* The filters form: who is signed in decides which filters show; the address keeps them. */
import { $, el } from '../shared/dom.js';
import { PROVINCES, areaText } from '../shared/areas.js';
import { addressSearch, filtersFrom, knownDistricts, valuesFromAddress } from './shape.js';
import { state } from './state.js';

function formValues() {
  return {
    province: $('filter-province').value,
    district: $('filter-district').value,
    from: $('filter-from').value,
    to: $('filter-to').value,
    groupBy: $('filter-group-by').value
  };
}

/** The province choices, from the one list of provinces. */
export function fillProvinces() {
  $('filter-province').append(...Object.entries(PROVINCES).map(([code, name]) =>
    el('option', { value: code, text: name + ' (' + code + ')' })));
}

/** The filters as API parameters, or null (and a message) when they make no sense. */
export function readFilters() {
  const errorNode = $('filters-error');
  errorNode.hidden = true;
  const filters = filtersFrom(formValues(), state.me);
  if (filters.error) {
    errorNode.textContent = filters.error;
    errorNode.hidden = false;
    $('filter-from').setAttribute('aria-invalid', 'true');
    return null;
  }
  $('filter-from').removeAttribute('aria-invalid');
  return filters;
}

/** Keeps the filters in the address, so a view can be bookmarked and survives a reload. */
export function saveFiltersInAddress() {
  history.replaceState(null, '', location.pathname + addressSearch(formValues(), state.me));
}

export function restoreFiltersFromAddress() {
  const ids = { province: 'filter-province', district: 'filter-district', from: 'filter-from',
    to: 'filter-to', groupBy: 'filter-group-by' };
  for (const [name, value] of Object.entries(valuesFromAddress(location.search))) {
    $(ids[name]).value = value;
  }
}

export function resetFilters() {
  $('filter-province').value = '';
  if (!state.me || state.me.scope !== 'DISTRICT') {
    $('filter-district').value = '';
  }
  $('filter-from').value = '';
  $('filter-to').value = '';
  $('filter-group-by').value = 'none';
}

/** The districts the answers name become the district field's suggestions. */
export function noteDistricts(items) {
  state.districts = knownDistricts(state.districts, items);
  $('district-options').replaceChildren(...state.districts.map((district) => el('option', { value: district })));
}

export function showMe(me) {
  state.me = me;
  $('user').textContent = me.user || '—';
  $('area').textContent = areaText(me);
  $('area').setAttribute('data-scope', me.scope || '');
  $('area').setAttribute('data-province', me.province || '');
  $('area').setAttribute('data-district', me.district || '');

  const district = $('filter-district');
  const groupBy = $('filter-group-by');
  $('province-field').hidden = me.scope !== 'NATIONAL';
  groupBy.querySelector('option[value="province"]').hidden = me.scope !== 'NATIONAL';
  if (me.scope === 'DISTRICT') {
    district.value = me.district || '';
    district.disabled = true;
    district.title = 'You see your own district only';
    groupBy.querySelector('option[value="district"]').hidden = true;
  }
  if (me.scope !== 'NATIONAL' && groupBy.value === 'province') {
    groupBy.value = 'none';
  }
}
