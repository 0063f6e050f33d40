//! The allocator: the system's, until a batch run switches to mimalloc.
//!
//! A batch run allocates and frees millions of small strings on several
//! threads, which mimalloc serves faster. Every other command is one short
//! process, which the system allocator starts faster (mimalloc's arenas cost
//! page faults). Memory from either is freed by the one that gave it:
//! mimalloc knows its own.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, Ordering};

use libmimalloc_sys::mi_is_in_heap_region;
use mimalloc::MiMalloc;

/// Set once, never cleared: from then on new memory comes from mimalloc.
static FAST: AtomicBool = AtomicBool::new(false);

/// Allocate from mimalloc from now on (for a batch run).
pub fn use_mimalloc() {
    FAST.store(true, Ordering::SeqCst);
}

pub struct Switching;

impl Switching {
    /// Whether `p` came from mimalloc (only possible once switched).
    fn mimalloc_owns(p: *mut u8) -> bool {
        // SAFETY: asks only whether the address lies in mimalloc's segments.
        FAST.load(Ordering::Relaxed) && unsafe { mi_is_in_heap_region(p.cast()) }
    }
}

// SAFETY: each call goes to one allocator, and a block is always freed or
// grown by the allocator that gave it.
unsafe impl GlobalAlloc for Switching {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if FAST.load(Ordering::Relaxed) {
            unsafe { MiMalloc.alloc(layout) }
        } else {
            unsafe { System.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if FAST.load(Ordering::Relaxed) {
            unsafe { MiMalloc.alloc_zeroed(layout) }
        } else {
            unsafe { System.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        if Self::mimalloc_owns(p) {
            unsafe { MiMalloc.dealloc(p, layout) }
        } else {
            unsafe { System.dealloc(p, layout) }
        }
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if Self::mimalloc_owns(p) {
            unsafe { MiMalloc.realloc(p, layout, new_size) }
        } else {
            unsafe { System.realloc(p, layout, new_size) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_freed_and_grown_by_the_allocator_that_gave_them() {
        let a = Switching;
        let layout = Layout::from_size_align(40, 8).unwrap();
        unsafe {
            let before = a.alloc(layout);
            assert!(!Switching::mimalloc_owns(before));
            use_mimalloc();
            let after = a.alloc(layout);
            assert!(Switching::mimalloc_owns(after));
            assert!(
                !Switching::mimalloc_owns(before),
                "system memory stays the system's"
            );
            before.write_bytes(7, 40);
            let grown = a.realloc(before, layout, 4000);
            assert_eq!(*grown.add(39), 7);
            a.dealloc(grown, Layout::from_size_align(4000, 8).unwrap());
            a.dealloc(after, layout);
        }
    }
}
