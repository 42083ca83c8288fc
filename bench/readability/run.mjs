#!/usr/bin/env node
// The peer in sitrep's extraction benchmark: Readability.js (Firefox Reader View's
// extractor) over linkedom, on the article-extraction-benchmark pages.
//
//   node run.mjs --data DIR --out predictions.json [--limit N]
//
// Reads DIR/ground-truth.json for the page ids and DIR/html/<id>.html.gz for the pages,
// extracts each page's article text single-threaded, and writes {id: {articleBody}} so
// that `sitrep eval extraction --predictions` scores it with the same scorer as sitrep.
// The timers cover what sitrep's cover: parsing the decoded page and extracting the
// article, not reading or inflating the file. Speed is reported in CPU time, as the
// machine may be shared; run node with --single-threaded so that V8's garbage collector
// and compiler work on this one thread too (bench/run_extraction_bench.sh does), and the
// process's CPU time is the time of that thread. A page Readability gives up on (or
// throws on) is scored as an empty body, as the benchmark scores any extractor.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

function parseArgs(argv) {
  const args = { data: '', out: '', limit: 0 };
  for (let i = 2; i < argv.length; ++i) {
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
      return argv[++i];
    };
    if (argv[i] === '--data') args.data = next();
    else if (argv[i] === '--out') args.out = next();
    else if (argv[i] === '--limit') args.limit = Number(next());
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.data || !args.out) throw new Error('usage: run.mjs --data DIR --out FILE [--limit N]');
  return args;
}

// The same page order as sitrep's: ids sorted, then the first N.
function pageIds(dataDir, limit) {
  const truth = JSON.parse(readFileSync(join(dataDir, 'ground-truth.json'), 'utf8'));
  const ids = Object.keys(truth).sort();
  return limit > 0 ? ids.slice(0, limit) : ids;
}

function extract(html) {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return article && article.textContent ? article.textContent : '';
}

function main() {
  const args = parseArgs(process.argv);
  const ids = pageIds(args.data, args.limit);
  const output = {};
  let seconds = 0;
  let cpuMicros = 0;
  let bytes = 0;
  let failed = 0;
  for (const id of ids) {
    const html = gunzipSync(readFileSync(join(args.data, 'html', `${id}.html.gz`))).toString('utf8');
    bytes += Buffer.byteLength(html);
    const cpu = process.cpuUsage();
    const start = performance.now();
    let body = '';
    try {
      body = extract(html);
    } catch (error) {
      failed += 1;
      process.stderr.write(`readability: ${id}: ${error.message}\n`);
    }
    seconds += (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
    output[id] = { articleBody: body };
  }
  writeFileSync(args.out, JSON.stringify({ version: 'readability 0.6.0 + linkedom 0.18.15', output }));
  const cpuSeconds = cpuMicros / 1e6;
  const mb = bytes / 1e6;
  console.log(
    `readability: ${ids.length} pages (${mb.toFixed(1)} MB), ${failed} failed: ${cpuSeconds.toFixed(2)} s CPU, ` +
      `${(ids.length / cpuSeconds).toFixed(1)} pages/s, ${(mb / cpuSeconds).toFixed(1)} MB/s ` +
      `(one thread; ${seconds.toFixed(2)} s by the clock)`);
}

main();
