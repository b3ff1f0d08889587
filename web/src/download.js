// Downloads of what is on screen: a CSV of the numbers, a PNG of the chart.
// The files are made in the page (no request leaves it).

function save(href, name) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

function csvField(v) {
  const t = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

// rows: arrays of values; the first is the header. UTF-8 with a byte-order
// mark, so spreadsheet programs read names such as "Çavuşoğlu" right.
export function downloadCsv(name, rows) {
  const text = '\ufeff' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  save(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// The chart as a PNG: the SVG with its computed styles written onto a copy,
// drawn on a canvas at twice its size on a white ground.
export async function downloadPng(svg, name) {
  const copy = svg.cloneNode(true);
  const src = svg.querySelectorAll('*');
  const dst = copy.querySelectorAll('*');
  const props = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-size', 'font-family', 'font-weight', 'opacity'];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    for (const p of props) dst[i].setAttribute(p, cs.getPropertyValue(p));
  });
  const vb = svg.viewBox.baseVal;
  copy.setAttribute('width', String(vb.width));
  copy.setAttribute('height', String(vb.height));
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const data = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(copy));
  const img = new Image();
  await new Promise((resolve, reject) => { img.onload = resolve; img.onerror = () => reject(new Error('the chart could not be drawn')); img.src = data; });
  const canvas = document.createElement('canvas');
  canvas.width = vb.width * 2;
  canvas.height = vb.height * 2;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  const url = URL.createObjectURL(blob);
  save(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
