// The page: DOM only. The analysis runs in worker.js.
const $ = (id) => document.getElementById(id);
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let nextId = 0;

function status(text, error = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', error);
}

worker.onmessage = ({ data }) => {
  if (data.type === 'ready') {
    $('analyze').disabled = false;
    status('就绪');
  } else if (data.type === 'error') {
    status(data.message, true);
  } else if (data.type === 'result') {
    show(data.result);
    status(`找到 ${data.result.targets.length} 项目标`);
  }
};

$('analyze').addEventListener('click', () => {
  status('分析中……');
  worker.postMessage({ id: nextId++, text: $('input').value });
});

function show(result) {
  $('result').hidden = false;
  $('title').textContent = result.meta.title ?? '（无标题）';
  $('meta').textContent = [result.meta.date, result.meta.source].filter(Boolean).join(' · ');
  const rows = result.targets.map((t) => {
    const tr = document.createElement('tr');
    for (const cell of [t.indicator, t.value, t.unit, t.comparator, t.status === 'target' ? '计划' : '完成', t.period ?? '', t.evidence]) {
      const td = document.createElement('td');
      td.textContent = String(cell);
      tr.append(td);
    }
    return tr;
  });
  $('targets').tBodies[0].replaceChildren(...rows);
  $('json').textContent = JSON.stringify(result, null, 2);
}
