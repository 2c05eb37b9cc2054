// postie prelude: the queue of a script's timers. A binary heap ordered by due time, then
// immediates before timeouts, then creation order; cleared timers are dropped lazily when they
// reach the top. Adding, clearing and firing cost O(log n), so thousands of timers stay fast.
(function (P) {
  'use strict';

  // True when timer `a` fires before timer `b`.
  function before(a, b) {
    if (a.at !== b.at) return a.at < b.at;
    if (a.immediate !== b.immediate) return a.immediate;
    return a.seq < b.seq;
  }

  function TimerQueue() {
    this.heap = [];
    this.live = new Set();
  }
  TimerQueue.prototype = {
    // The number of timers still to fire.
    get size() { return this.live.size; },
    push: function (timer) {
      this.live.add(timer.id);
      this.insert(timer);
    },
    // Put an interval back for its next turn (it keeps its id).
    requeue: function (timer) {
      if (this.live.has(timer.id)) this.insert(timer);
    },
    insert: function (timer) {
      const heap = this.heap;
      heap.push(timer);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[i], heap[parent])) break;
        const t = heap[i];
        heap[i] = heap[parent];
        heap[parent] = t;
        i = parent;
      }
    },
    cancel: function (id) { this.live.delete(id); },
    // The next timer to fire, or undefined.
    peek: function () {
      const heap = this.heap;
      while (heap.length && !this.live.has(heap[0].id)) this.removeTop();
      return heap[0];
    },
    // Take the timer `peek` returned off the queue (an interval stays live for `requeue`).
    take: function (keepLive) {
      const top = this.peek();
      if (top === undefined) return undefined;
      this.removeTop();
      if (!keepLive) this.live.delete(top.id);
      return top;
    },
    removeTop: function () {
      const heap = this.heap;
      const last = heap.pop();
      if (!heap.length) return;
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < heap.length && before(heap[l], heap[best])) best = l;
        if (r < heap.length && before(heap[r], heap[best])) best = r;
        if (best === i) break;
        const t = heap[i];
        heap[i] = heap[best];
        heap[best] = t;
        i = best;
      }
    },
  };
  P.TimerQueue = TimerQueue;
})(globalThis.__postie_internal);
