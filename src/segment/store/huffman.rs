//! Canonical Huffman codes over small integer alphabets, and the bit reader.
//!
//! Shared with `build.rs` (included there by path), so the writer and the
//! reader derive codes from code lengths with the same function. It therefore
//! uses nothing outside `std`.

/// Longest code the builder produces; the reader peeks at most this many bits.
pub const MAX_LEN: usize = 24;
/// Codes up to this long decode with one table lookup.
const FAST_BITS: u32 = 10;

/// Assign canonical codes to `lengths` (0: symbol unused): by length, then by
/// symbol, as deflate does. Returns `None` for lengths that no prefix code has.
#[allow(
    clippy::indexing_slicing,
    reason = "lengths above MAX_LEN are refused first, and codes has one entry per length"
)]
pub fn canonical_codes(lengths: &[u8]) -> Option<Vec<u32>> {
    let mut count = [0u32; MAX_LEN + 1];
    for &l in lengths {
        let l = l as usize;
        if l > MAX_LEN {
            return None;
        }
        count[l] += 1;
    }
    count[0] = 0;
    let mut next = [0u32; MAX_LEN + 1];
    let mut code = 0u32;
    for len in 1..=MAX_LEN {
        code = (code + count[len - 1]) << 1;
        next[len] = code;
        // More codes of this length than the prefix property allows.
        if count[len] > 0 && u64::from(code) + u64::from(count[len]) > 1u64 << len {
            return None;
        }
    }
    let mut codes = vec![0u32; lengths.len()];
    for (sym, &l) in lengths.iter().enumerate() {
        if l > 0 {
            codes[sym] = next[l as usize];
            next[l as usize] += 1;
        }
    }
    Some(codes)
}

/// Values below `direct` are their own symbol; larger ones are the symbol
/// `direct + bit length` followed by their bits after the leading one.
#[allow(dead_code)] // used by build.rs
pub fn escape(value: u64, direct: u32) -> (u32, u32, u64) {
    if value < u64::from(direct) {
        (value as u32, 0, 0)
    } else {
        let bits = 64 - value.leading_zeros();
        (direct + bits, bits - 1, value & ((1u64 << (bits - 1)) - 1))
    }
}

/// Size of the alphabet [`escape`] needs for `direct`.
#[allow(dead_code)] // used by build.rs
pub fn escape_alphabet(direct: u32) -> usize {
    direct as usize + 65
}

/// A big-endian bit reader over a byte slice. Reads past the end see zeros;
/// callers check counts, so a corrupt stream yields an error, never a panic.
///
/// Bits are taken from a 64-bit buffer refilled eight bytes at a time
/// (branch-free in the common case): in wasm this decodes about three times
/// faster than assembling each peek from the slice.
#[derive(Clone)]
pub struct Bits<'a> {
    data: &'a [u8],
    /// Unread bits, left-aligned.
    buf: u64,
    /// Valid bits in `buf`.
    count: u32,
    /// Next byte of `data` to load into `buf`.
    next: usize,
}

impl<'a> Bits<'a> {
    pub fn new(data: &'a [u8], bit: usize) -> Self {
        let mut bits = Bits {
            data,
            buf: 0,
            count: 0,
            next: bit >> 3,
        };
        bits.refill();
        bits.consume((bit & 7) as u32);
        bits
    }

    /// Fill `buf` to at least 56 valid bits.
    #[inline(always)]
    #[allow(
        clippy::indexing_slicing,
        reason = "get(next..next + 8) gave eight bytes"
    )]
    fn refill(&mut self) {
        let word = match self.data.get(self.next..self.next + 8) {
            Some(b) => u64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
            None => {
                let mut b = [0u8; 8];
                for (i, slot) in b.iter_mut().enumerate() {
                    *slot = self.data.get(self.next + i).copied().unwrap_or(0);
                }
                u64::from_be_bytes(b)
            }
        };
        self.buf |= word >> self.count;
        self.next += ((63 - self.count) >> 3) as usize;
        self.count |= 56;
    }

    /// The next `n` bits (`1 <= n <= 32`), not consumed.
    #[inline(always)]
    fn peek(&mut self, n: u32) -> u32 {
        if self.count < n {
            self.refill();
        }
        (self.buf >> (64 - n)) as u32
    }

    #[inline(always)]
    fn consume(&mut self, n: u32) {
        self.buf <<= n;
        self.count -= n;
    }

    /// Read `n` bits (`n <= 64`) as a number.
    #[inline]
    pub fn read(&mut self, mut n: u32) -> u64 {
        let mut v = 0u64;
        while n > 0 {
            let k = n.min(32);
            v = v << k | u64::from(self.peek(k));
            self.consume(k);
            n -= k;
        }
        v
    }
}

/// A decoding table for one canonical code.
pub struct Code {
    /// By the next FAST_BITS bits: `symbol << 5 | length`, 0 for a longer code.
    fast: Vec<u32>,
    /// Per length: first code, index in `sorted` of its symbol, and count.
    first_code: [u32; MAX_LEN + 1],
    first_index: [u32; MAX_LEN + 1],
    count: [u32; MAX_LEN + 1],
    sorted: Vec<u16>,
    max_len: u32,
}

impl Code {
    #[allow(
        clippy::indexing_slicing,
        reason = "canonical_codes refused lengths above MAX_LEN; order has one slot per used symbol, placed from first_index of its length; a code of length l <= FAST_BITS fills 2^(FAST_BITS - l) slots of the 2^FAST_BITS table from its own prefix"
    )]
    pub fn from_lengths(lengths: &[u8]) -> Option<Code> {
        let codes = canonical_codes(lengths)?;
        let mut count = [0u32; MAX_LEN + 1];
        for &l in lengths {
            count[l as usize] += 1;
        }
        count[0] = 0;
        let mut first_index = [0u32; MAX_LEN + 1];
        let mut index = 0u32;
        for len in 1..=MAX_LEN {
            first_index[len] = index;
            index += count[len];
        }
        // The symbols by length, then symbol: placed by counting, not sorted
        // (this runs for every code at start-up).
        let mut order = vec![0u16; index as usize];
        let mut next = first_index;
        for (sym, &l) in lengths.iter().enumerate() {
            if l > 0 {
                order[next[l as usize] as usize] = sym as u16;
                next[l as usize] += 1;
            }
        }
        let mut first_code = [0u32; MAX_LEN + 1];
        for len in 1..=MAX_LEN {
            if count[len] > 0 {
                first_code[len] = codes[order[first_index[len] as usize] as usize];
            }
        }
        let mut fast = vec![0u32; 1 << FAST_BITS];
        for (sym, &l) in lengths.iter().enumerate() {
            let l = u32::from(l);
            if l > 0 && l <= FAST_BITS {
                let start = (codes[sym] << (FAST_BITS - l)) as usize;
                for slot in &mut fast[start..start + (1 << (FAST_BITS - l))] {
                    *slot = (sym as u32) << 5 | l;
                }
            }
        }
        let max_len = lengths.iter().copied().max().unwrap_or(0) as u32;
        Some(Code {
            fast,
            first_code,
            first_index,
            count,
            sorted: order,
            max_len,
        })
    }

    /// A code with no symbols: decodes nothing.
    pub fn none() -> Code {
        Code {
            fast: vec![0; 1 << FAST_BITS],
            first_code: [0; MAX_LEN + 1],
            first_index: [0; MAX_LEN + 1],
            count: [0; MAX_LEN + 1],
            sorted: Vec::new(),
            max_len: 0,
        }
    }

    /// The next symbol, or `None` if the bits are no code (a corrupt stream,
    /// or an empty alphabet).
    #[inline]
    #[allow(
        clippy::indexing_slicing,
        reason = "peek(FAST_BITS) is below the table's 2^FAST_BITS entries, and len <= max_len <= MAX_LEN"
    )]
    pub fn decode(&self, bits: &mut Bits<'_>) -> Option<u32> {
        // A FAST_BITS-bit value indexes the 2^FAST_BITS-entry table.
        let e = self.fast[bits.peek(FAST_BITS) as usize];
        if e != 0 {
            bits.consume(e & 31);
            return Some(e >> 5);
        }
        for len in FAST_BITS + 1..=self.max_len {
            let code = bits.peek(len);
            let offset = code.wrapping_sub(self.first_code[len as usize]);
            if offset < self.count[len as usize] {
                bits.consume(len);
                return self
                    .sorted
                    .get((self.first_index[len as usize] + offset) as usize)
                    .map(|&s| u32::from(s));
            }
        }
        None
    }

    /// The next value written with [`escape`].
    #[inline]
    pub fn decode_escaped(&self, bits: &mut Bits<'_>, direct: u32) -> Option<u64> {
        let sym = self.decode(bits)?;
        if sym < direct {
            return Some(u64::from(sym));
        }
        let n = sym - direct;
        if n == 0 || n > 64 {
            return None;
        }
        Some(1u64 << (n - 1) | bits.read(n - 1))
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.fast.capacity() * 4 + self.sorted.capacity() * 2
    }
}
