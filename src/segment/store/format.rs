//! Constants of the store layout, shared with `build.rs` (included by path).

pub const MAGIC: &[u8; 4] = b"MBH3";
pub const SECTIONS: usize = 9;
pub const HEADER: usize = 4 + 8 + 4 + 4 + 4 * SECTIONS;

/// Blocks between two recorded offsets into the entry stream.
pub const CHECKPOINT_EVERY: usize = 16;
/// Blocks between two recorded offsets into the block stream; a multiple of
/// CHECKPOINT_EVERY, so decoding a first character's blocks from the
/// checkpoint before them also yields the sizes entry lookups skip over.
pub const BLOCK_CHECKPOINT_EVERY: usize = 64;

/// Escape thresholds: values below are symbols of their own.
pub const C2_DIRECT: u32 = 256;
pub const CNT_DIRECT: u32 = 512;
pub const FREQ_DIRECT: u32 = 256;
pub const IDF_DIRECT: u32 = 256;
pub const C1_DELTA_DIRECT: u32 = 256;
pub const C1_BLOCKS_DIRECT: u32 = 256;

/// Every idf value of idf.txt has at most this many decimals: the store
/// holds it as an integer over IDF_SCALE (10^IDF_DECIMALS).
#[allow(dead_code)] // used by build.rs
pub const IDF_DECIMALS: usize = 11;
pub const IDF_SCALE: f64 = 1e11;

/// Frequency and tag are coded by word length: 2, 3, 4, 5 or more.
pub const LEN_CONTEXTS: usize = 4;
/// The idf index is coded by the bit length of the word's frequency.
pub const IDF_CONTEXTS: usize = 33;

pub fn len_context(chars: usize) -> usize {
    chars.clamp(2, 5) - 2
}

pub fn idf_context(freq: u64) -> usize {
    ((64 - freq.leading_zeros()) as usize).min(IDF_CONTEXTS - 1)
}
