/* Charts with Chart.js from the webjar (window.Chart); without it the tables carry the figures. */
import { el } from '../shared/dom.js';
import { state } from './state.js';

export const COLORS = {
  breach: '#a4161a',
  breachFill: 'rgba(164, 22, 26, 0.75)',
  open: 'rgba(11, 92, 173, 0.75)',
  openBorder: '#0b5cad',
  overdue: 'rgba(164, 22, 26, 0.8)',
  overdueBorder: '#a4161a',
  rule: 'rgba(138, 90, 0, 0.8)',
  ruleBorder: '#8a5a00',
  grid: '#e4e8ed',
  text: '#1c2430'
};

export function destroyChart(name) {
  if (state.charts[name]) {
    state.charts[name].destroy();
    delete state.charts[name];
  }
}

export function replaceChart(name, canvas, config) {
  destroyChart(name);
  const box = canvas.parentNode;
  const notice = box.querySelector('.chart-unavailable');
  if (typeof window.Chart !== 'function') {
    canvas.hidden = true;
    if (!notice) {
      box.append(el('p', { className: 'chart-unavailable',
        text: 'The chart could not be drawn (Chart.js did not load); the figures are in the table.' }));
    }
    return null;
  }
  if (notice) {
    notice.remove();
  }
  canvas.hidden = false;
  const chart = new window.Chart(canvas, {
    ...config,
    options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: {}, ...config.options }
  });
  state.charts[name] = chart;
  canvas.setAttribute('data-rendered', 'true');
  return chart;
}

export function axis(title, extra) {
  return {
    beginAtZero: true,
    grid: { color: COLORS.grid },
    ticks: { color: COLORS.text, precision: 0 },
    title: title ? { display: true, text: title, color: COLORS.text } : { display: false },
    ...extra
  };
}

/** A bar a click drills into shows the pointer. */
export function pointerOverBars(event, elements) {
  if (event && event.native && event.native.target) {
    event.native.target.style.cursor = elements && elements.length ? 'pointer' : 'default';
  }
}

/** Calls onBar with the index of the bar clicked. */
export function clickOnBar(onBar) {
  return (event, elements) => {
    if (elements && elements.length) {
      onBar(elements[0].index);
    }
  };
}

/** One bar dataset in the given colours. */
export function bars(label, data, fill, border, thickness) {
  return { label, data, backgroundColor: fill, borderColor: border, borderWidth: 1, maxBarThickness: thickness };
}
