// Preloaded into the soak's dashboard (node --import): appends "epoch-ms heapUsed-bytes" to
// $HIVE_BENCH_HEAP_OUT every 5 s. The timer is unref'd so the probe never keeps the program alive.
import { appendFileSync } from 'node:fs';

const out = process.env.HIVE_BENCH_HEAP_OUT;
if (out) {
  const sample = () => {
    try {
      appendFileSync(out, `${Date.now()} ${process.memoryUsage().heapUsed}\n`);
    } catch {
      // the bench removed its temp dir while the program was still stopping
    }
  };
  setInterval(sample, 5000).unref();
}
