// postie prelude: the queue of a script's timers, in the order of Node's event loop. A script
// runs in Newman from an I/O callback, after which the loop runs every immediate before the
// timers however long the script took; a timeout that fires is followed by every other timeout
// already due, then by the immediates they queued. Immediates are a list in creation order,
// timeouts a binary heap ordered by due time, then creation order. Cleared timers are dropped lazily when they reach the front. Adding,
// clearing and firing cost O(log n), so thousands of timers stay fast.
(function (P) {
  'use strict';

  // True when timer `a` fires before timer `b`.
  function before(a, b) {
    if (a.at !== b.at) return a.at < b.at;
    return a.seq < b.seq;
  }

  function TimerQueue() {
    this.heap = [];
    this.immediates = [];
    this.first = 0;
    // The loop's phase: a timeout fired last (timers), or the end of the check phase's
    // immediates (-1 before it begins).
    this.inTimers = false;
    this.checkEnd = -1;
    this.live = new Set();
  }
  TimerQueue.prototype = {
    // The number of timers still to fire.
    get size() { return this.live.size; },
    push: function (timer) {
      this.live.add(timer.id);
      if (timer.immediate) this.immediates.push(timer);
      else this.insert(timer);
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
    // The next timer to fire at `now`, or undefined (or a timeout not due yet: wait for it).
    peek: function (now) {
      // Timers phase: every timeout already due.
      const timeout = this.peekTimeout();
      const due = timeout !== undefined && timeout.at <= now;
      if (this.inTimers && due) return timeout;
      // Check phase: the immediates queued before it began (later ones wait for the next turn).
      if (this.checkEnd === -1) this.checkEnd = this.immediates.length;
      const immediate = this.nextImmediate();
      if (immediate !== undefined && this.first < this.checkEnd) return immediate;
      // The next turn: due timeouts, then a new check phase.
      if (due) return timeout;
      if (immediate !== undefined) {
        this.checkEnd = this.immediates.length;
        return immediate;
      }
      return timeout;
    },
    nextImmediate: function () {
      const immediates = this.immediates;
      while (this.first < immediates.length && !this.live.has(immediates[this.first].id)) this.first++;
      if (this.first < immediates.length) return immediates[this.first];
      return undefined;
    },
    peekTimeout: function () {
      const heap = this.heap;
      while (heap.length && !this.live.has(heap[0].id)) this.removeTop();
      return heap[0];
    },
    // Take the timer `peek` returned off the queue (an interval stays live for `requeue`).
    take: function (now, keepLive) {
      const top = this.peek(now);
      if (top === undefined) return undefined;
      this.inTimers = !top.immediate;
      if (top.immediate) {
        this.first++;
      } else {
        this.removeTop();
        this.checkEnd = -1;
      }
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
