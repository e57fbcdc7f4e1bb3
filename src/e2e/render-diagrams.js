'use strict';
// Opens every BPMN file of processes/ in bpmn-js (the modelling library Camunda Modeler is built on) inside headless
// Chromium, fails on any import warning (an element without a shape, a broken reference) and saves a picture of
// each diagram to target/e2e/diagrams, so a diagram that Modeler would show badly is caught by the tests.
const fs = require('fs');
const path = require('path');
const lib = require('./lib');

const processes = path.join(__dirname, '..', '..', 'processes');
const viewer = fs.readFileSync(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'), 'utf8');
const camunda = fs.readFileSync(require.resolve('camunda-bpmn-moddle/resources/camunda.json'), 'utf8');

lib.run('render-diagrams', async (browser) => {
  const page = await (await browser.newContext({ viewport: { width: 2400, height: 1400 } })).newPage();
  await page.setContent('<html><body style="margin:0"><div id="canvas" style="width:2400px;height:1400px"></div></body></html>');
  await page.addScriptTag({ content: viewer });
  const files = fs.readdirSync(processes).filter((f) => f.endsWith('.bpmn')).sort();
  const problems = [];
  for (const file of files) {
    const xml = fs.readFileSync(path.join(processes, file), 'utf8');
    const result = await page.evaluate(async ({ xml, camunda }) => {
      document.getElementById('canvas').innerHTML = '';
      const v = new BpmnJS({ container: '#canvas', moddleExtensions: { camunda: JSON.parse(camunda) } });
      try {
        const { warnings } = await v.importXML(xml);
        v.get('canvas').zoom('fit-viewport');
        const registry = v.get('elementRegistry');
        return { warnings: warnings.map((w) => w.message), shapes: registry.getAll().length };
      } catch (e) {
        return { error: e.message };
      }
    }, { xml, camunda });
    if (result.error) {
      problems.push(`${file}: ${result.error}`);
    }
    for (const w of result.warnings || []) {
      problems.push(`${file}: ${w}`);
    }
    fs.mkdirSync(path.join(lib.SCREENSHOTS, 'diagrams'), { recursive: true });
    await page.screenshot({ path: path.join(lib.SCREENSHOTS, 'diagrams', file.replace('.bpmn', '.png')) });
    console.log(`${file}: ${result.shapes || 0} diagram elements, ${(result.warnings || []).length} warnings`);
  }
  if (problems.length) {
    throw new Error(`diagrams with problems:\n${problems.join('\n')}`);
  }
});
