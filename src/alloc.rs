//! The allocator: a bump arena for a short run, the system's after that.
//!
//! Most runs are one short process (a screening from a file, `questions`,
//! `check`): loading the rules makes a few thousand small allocations and
//! frees almost none of them before the process ends. Those are served from
//! a fixed region by moving a pointer, and freeing them costs nothing. Once
//! the region is used up, or a batch run (many threads, millions of
//! allocations freed as they go) has turned it off, memory comes from the
//! system allocator. A block is always freed or grown by the allocator that
//! gave it: the arena knows its own addresses.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The arena's size. It lies in zero-initialised memory: a page costs
/// nothing until it is first written.
const SIZE: usize = 16 << 20;

#[repr(C, align(4096))]
struct Region(UnsafeCell<[u8; SIZE]>);

// SAFETY: every byte of the region is handed out at most once (`USED` only
// grows, by compare-and-swap), so no two threads ever share a block.
unsafe impl Sync for Region {}

static REGION: Region = Region(UnsafeCell::new([0; SIZE]));
/// Bytes of the region handed out so far.
static USED: AtomicUsize = AtomicUsize::new(0);
/// Set once, never cleared: new memory comes from the system.
static OFF: AtomicBool = AtomicBool::new(false);

/// From now on, allocate from the system (for a batch run).
pub fn turn_off_arena() {
    OFF.store(true, Ordering::SeqCst);
}

pub struct Arena;

impl Arena {
    fn base() -> usize {
        REGION.0.get() as usize
    }

    /// Whether `p` was handed out by the arena.
    fn owns(p: *mut u8) -> bool {
        (p as usize).wrapping_sub(Self::base()) < SIZE
    }

    /// A fresh (never used, so zeroed) block of the region, if it is on and
    /// has room.
    fn take(layout: Layout) -> Option<*mut u8> {
        if OFF.load(Ordering::Relaxed) {
            return None;
        }
        let base = Self::base();
        let mut used = USED.load(Ordering::Relaxed);
        loop {
            let start = (base + used).checked_add(layout.align() - 1)? & !(layout.align() - 1);
            let end = (start - base).checked_add(layout.size())?;
            if end > SIZE {
                return None;
            }
            match USED.compare_exchange_weak(used, end, Ordering::Relaxed, Ordering::Relaxed) {
                // The region's own pointer, moved: it keeps its provenance.
                Ok(_) => return Some(REGION.0.get().cast::<u8>().wrapping_add(start - base)),
                Err(now) => used = now,
            }
        }
    }

    /// Grow the region's last block, `p` of `old` bytes, to `new` bytes in
    /// place, if it is the last one and there is room.
    fn grow_last(p: *mut u8, old: usize, new: usize) -> bool {
        let at = p as usize - Self::base();
        let (Some(end), Some(new_end)) = (at.checked_add(old), at.checked_add(new)) else {
            return false;
        };
        new_end <= SIZE
            && !OFF.load(Ordering::Relaxed)
            && USED
                .compare_exchange(end, new_end, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
    }
}

// SAFETY: a block comes from the arena (each byte handed out once, aligned
// as asked) or from the system; it is freed and grown by the one that gave
// it, and a grown arena block keeps its contents.
unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match Self::take(layout) {
            Some(p) => p,
            None => unsafe { System.alloc(layout) },
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // The arena's blocks are never reused: still zero.
        match Self::take(layout) {
            Some(p) => p,
            None => unsafe { System.alloc_zeroed(layout) },
        }
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        // An arena block is given back with the process.
        if !Self::owns(p) {
            unsafe { System.dealloc(p, layout) }
        }
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !Self::owns(p) {
            return unsafe { System.realloc(p, layout, new_size) };
        }
        if new_size <= layout.size() || Self::grow_last(p, layout.size(), new_size) {
            return p;
        }
        // SAFETY: `new_size` is non-zero and, rounded to the alignment, does
        // not overflow (the caller's promise to `realloc`).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let q = unsafe { self.alloc(new_layout) };
        if !q.is_null() {
            // SAFETY: both blocks hold at least `layout.size()` bytes and
            // do not overlap (the new one was never handed out before).
            unsafe { std::ptr::copy_nonoverlapping(p, q, layout.size()) };
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_aligned_kept_apart_grown_with_their_contents_and_freed_by_their_owner() {
        let a = Arena;
        unsafe {
            let small = Layout::from_size_align(40, 8).unwrap();
            let one = a.alloc(small);
            let two = a.alloc(Layout::from_size_align(24, 64).unwrap());
            assert!(Arena::owns(one) && Arena::owns(two));
            assert_eq!(two as usize % 64, 0, "aligned as asked");
            assert!(two as usize >= one as usize + 40, "blocks never overlap");
            one.write_bytes(7, 40);
            // Not the last block: moved, with its contents.
            let grown = a.realloc(one, small, 4000);
            assert_ne!(grown, one);
            assert!((0..40).all(|i| *grown.add(i) == 7));
            // The last block grows in place.
            let again = a.realloc(grown, Layout::from_size_align(4000, 8).unwrap(), 8000);
            assert_eq!(again, grown);
            assert!((0..40).all(|i| *again.add(i) == 7));
            // Too big for the region: the system's, freed by the system.
            let huge = Layout::from_size_align(SIZE + 1, 8).unwrap();
            let big = a.alloc_zeroed(huge);
            assert!(!big.is_null() && !Arena::owns(big));
            assert_eq!(*big.add(SIZE), 0);
            a.dealloc(big, huge);
            a.dealloc(again, Layout::from_size_align(8000, 8).unwrap());
            a.dealloc(two, Layout::from_size_align(24, 64).unwrap());
        }
    }
}
