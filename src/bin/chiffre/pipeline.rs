//! The command line's engine: one thread reads and cuts the input into
//! jobs, worker threads process them, and the calling thread writes the
//! results in input order. At most `threads + 2` jobs are in flight (read
//! and not yet written), so memory is bounded by the size of a job and its
//! result, whatever the input.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

use crate::Fatal;

/// The most worker threads.
pub(crate) const MAX_THREADS: usize = 64;

/// One worker per core (at most [`MAX_THREADS`]).
pub(crate) fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_THREADS)
}

/// Where the reader sends jobs.
pub(crate) struct Feed<'a, J> {
    jobs: mpsc::SyncSender<(u64, J)>,
    places: mpsc::Receiver<()>,
    stopped: &'a AtomicBool,
    seq: Cell<u64>,
}

impl<J> Feed<'_, J> {
    /// Sends a job once a place in flight is free. `false` when the writer
    /// has stopped (the output was closed): the reader should stop too.
    pub(crate) fn send(&self, job: J) -> bool {
        if self.places.recv().is_err() || self.stopped.load(Ordering::Acquire) {
            return false;
        }
        let seq = self.seq.get();
        self.seq.set(seq + 1);
        self.jobs.send((seq, job)).is_ok()
    }
}

/// Runs `read` on its own thread, `process` on `threads` workers, and
/// `write` here, in the order the jobs were sent. Stops at the first error
/// of `write` and returns it.
pub(crate) fn run<J, D>(
    threads: usize,
    read: impl FnOnce(&Feed<'_, J>) -> bool + Send,
    process: impl Fn(J) -> D + Sync,
    mut write: impl FnMut(D) -> Result<(), Fatal>,
) -> Result<(), Fatal>
where
    J: Send,
    D: Send,
{
    let threads = threads.clamp(1, MAX_THREADS);
    let in_flight = threads + 2;
    let stopped = AtomicBool::new(false);
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, J)>(in_flight);
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|s| {
        let (place_tx, place_rx) = mpsc::sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            let _ = place_tx.send(());
        }
        let (done_tx, done_rx) = mpsc::channel::<(u64, D)>();
        let stopped = &stopped;
        s.spawn(move || {
            let feed = Feed {
                jobs: job_tx,
                places: place_rx,
                stopped,
                seq: Cell::new(0),
            };
            read(&feed);
        });
        let (job_rx, process) = (&job_rx, &process);
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            s.spawn(move || {
                loop {
                    let next = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, job)) = next else { return };
                    if done_tx.send((seq, process(job))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let mut waiting = BTreeMap::new();
        let mut next = 0u64;
        let mut result = Ok(());
        'write: for (seq, d) in done_rx.iter() {
            waiting.insert(seq, d);
            while let Some(d) = waiting.remove(&next) {
                next += 1;
                if let Err(e) = write(d) {
                    result = Err(e);
                    break 'write;
                }
                let _ = place_tx.send(());
            }
        }
        stopped.store(true, Ordering::Release);
        drop(place_tx);
        drop(done_rx);
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ok_results_come_in_order_with_bounded_flight() {
        use std::sync::atomic::AtomicUsize;
        let live = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut got = Vec::new();
        run(
            3,
            |feed| {
                for i in 0..1000u32 {
                    let n = live.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(n, Ordering::SeqCst);
                    if !feed.send(i) {
                        return false;
                    }
                }
                true
            },
            |i| {
                // Later jobs finish first now and then.
                if i % 7 == 0 {
                    std::thread::yield_now();
                }
                i * 2
            },
            |d| {
                live.fetch_sub(1, Ordering::SeqCst);
                got.push(d);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(got, (0..1000).map(|i| i * 2).collect::<Vec<_>>());
        // Jobs read but not written: at most the places in flight (+1 being read).
        assert!(most.load(Ordering::SeqCst) <= 3 + 2 + 1);
    }

    #[test]
    fn ok_a_write_error_stops_the_reader() {
        let mut sent = 0;
        let r = run(
            2,
            |feed| {
                for i in 0..u32::MAX {
                    if !feed.send(i) {
                        return false;
                    }
                }
                true
            },
            |i| i,
            |d| {
                sent += 1;
                if d == 10 {
                    Err(Fatal("stop".into()))
                } else {
                    Ok(())
                }
            },
        );
        assert!(r.is_err());
        assert_eq!(sent, 11);
    }
}
