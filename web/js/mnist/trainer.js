// The training loop of the MNIST page, DOM-free: one chunk of images per
// animation frame through the engine (net.trainRange), then the test digits a
// chunk per frame (net.countCorrect), then the next epoch. Chunks shrink when
// a frame's work takes too long, so the page stays responsive on slow devices.
//
//   const t = createTrainer({ net, train, test, alpha: () => a, epochs: () => n, on });
//   t.start(); t.pause(); t.resume(); t.stop();
//   on.frame({ epoch, index, phase, progress }), on.epoch({ epoch, error, trainAcc, testAcc }),
//   on.point({ seen, error, acc }) every EVERY training images (the mean error and the accuracy
//   over those images, `seen` counting from the start of the run), on.done(),
//   on.diverged({ epoch, index, seen }), on.error(error) (an engine Error stops the run)
export const EVERY = 50;        // a learning-curve point every this many training images
const FRAME_BUDGET_MS = 10;     // engine work per frame; the rest is drawing
const TRAIN_CHUNK = { start: 100, min: 10, max: 100 };   // <= 100: each frame shows progress
const TEST_CHUNK = { start: 1000, min: 100, max: 5000 };

export function createTrainer({ net, train, test, alpha, epochs, on,
  schedule = (f) => requestAnimationFrame(f), cancel = (id) => cancelAnimationFrame(id),
  now = () => performance.now() }) {
  let frame = 0;
  let running = false;
  let epoch = 0;         // epochs completed
  let index = 0;         // next training image
  let testIndex = 0;     // next test image
  let phase = 'train';
  let error = 0, correct = 0, testCorrect = 0;
  const win = { error: 0, correct: 0, count: 0 };   // the images since the last point
  const size = { train: TRAIN_CHUNK.start, test: TEST_CHUNK.start };

  function adapt(kind, limits, elapsed) {
    if (elapsed > FRAME_BUDGET_MS) size[kind] = Math.max(limits.min, Math.floor(size[kind] * 0.6));
    else if (elapsed < FRAME_BUDGET_MS / 3) size[kind] = Math.min(limits.max, Math.ceil(size[kind] * 1.25));
  }

  function progress() {
    const total = epochs();
    const within = phase === 'train' ? 0.9 * (index / train.count) : 0.9 + 0.1 * (testIndex / test.count);
    return Math.min(1, (epoch + within) / total);
  }

  function step() {
    frame = 0;
    if (!running) return;
    try {
      work();
    } catch (error) {
      running = false;
      on.error?.(error);
    }
  }

  function work() {
    const t0 = now();
    if (phase === 'train') {
      // The chunk, cut at every EVERY-th image so each point has its own images.
      const stop = Math.min(train.count, index + size.train);
      let chunkError = 0, chunkCorrect = 0;
      while (index < stop) {
        const end = Math.min(stop, (Math.floor(index / EVERY) + 1) * EVERY);
        const r = net.trainRange(train, index, end, alpha());
        if (r.diverged) {
          running = false;
          adapt('train', TRAIN_CHUNK, now() - t0);
          on.diverged?.({ epoch: epoch + 1, index: r.divergedAt, seen: epoch * train.count + r.divergedAt });
          return;
        }
        chunkError += r.error; chunkCorrect += r.correct;
        win.error += r.error; win.correct += r.correct; win.count += end - index;
        index = end;
        if (index % EVERY === 0 || index >= train.count) {
          on.point?.({ seen: epoch * train.count + index, error: win.error / win.count, acc: win.correct / win.count });
          win.error = 0; win.correct = 0; win.count = 0;
        }
      }
      adapt('train', TRAIN_CHUNK, now() - t0);
      error += chunkError;
      correct += chunkCorrect;
      if (index >= train.count) { phase = 'test'; testIndex = 0; testCorrect = 0; }
    } else {
      const end = Math.min(test.count, testIndex + size.test);
      testCorrect += net.countCorrect(test, testIndex, end);
      adapt('test', TEST_CHUNK, now() - t0);
      testIndex = end;
      if (testIndex >= test.count) {
        epoch += 1;
        on.epoch?.({ epoch, error, trainAcc: correct / train.count, testAcc: testCorrect / test.count });
        phase = 'train';
        index = 0;
        error = 0;
        correct = 0;
        if (epoch >= epochs()) {
          running = false;
          on.frame?.({ epoch, index, phase, progress: 1 });
          on.done?.();
          return;
        }
      }
    }
    on.frame?.({ epoch, index, phase, progress: progress() });
    frame = schedule(step);
  }

  return {
    get running() { return running; },
    get epoch() { return epoch; },
    start() {
      epoch = 0; index = 0; phase = 'train'; error = 0; correct = 0;
      win.error = 0; win.correct = 0; win.count = 0;
      this.resume();
    },
    resume() {
      if (running) return;
      running = true;
      frame = schedule(step);
    },
    pause() {
      running = false;
      if (frame) cancel(frame);
      frame = 0;
    },
    stop() {
      this.pause();
    },
  };
}
