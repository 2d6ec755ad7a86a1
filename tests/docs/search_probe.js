// Runs material's search worker as the browser does (the built site's own script and index)
// and prints, per query, the locations of the results it shows, grouped by page.
// Usage: node search_probe.js WORKER_JS SEARCH_INDEX_JSON QUERY...
const fs = require("fs"), vm = require("vm");
const [worker, indexPath, ...queries] = process.argv.slice(2);
let listener, replies = [];
const self = {addEventListener: (_, f) => { listener = f; }, postMessage: m => replies.push(m)};
self.self = self; self.console = console; self.setTimeout = setTimeout;
vm.createContext(self);
vm.runInContext(fs.readFileSync(worker, "utf8"), self);
(async () => {
  const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
  await listener({data: {type: 0, data: {...index, options: {suggest: false}}}});
  const out = {};
  for (const q of queries) {
    replies = [];
    await listener({data: {type: 2, data: q}});
    out[q] = replies[0].data.items.map(group => group.map(item => item.location));
  }
  console.log(JSON.stringify(out));
})();
