//! Settings of the allocator (mimalloc, the binary's global allocator) for one build.

/// mimalloc's option for how many milliseconds freed memory waits before it is handed
/// back to the system (`mi_option_purge_delay`, which the bindings do not name).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps memory the build frees for the allocator to reuse instead of handing it back to
/// the system. A rebuild from the cache decodes every article's facts, lets much of that
/// go, and allocates again to render: memory handed back in between is faulted in and
/// zeroed again by the kernel (12% of an edited rebuild's page faults at 100,000
/// articles). A cold build keeps the default, under which its peak is lower.
pub fn keep_freed_memory() {
    // SAFETY: sets an integer option, which mimalloc reads at each purge.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option's number is mimalloc's own, not named by the bindings: its default
    /// of 1000 ms shows it is the purge delay (each test runs in a process of its own).
    #[test]
    fn the_option_set_is_the_purge_delay() {
        let delay = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(delay, 1000);
    }
}
