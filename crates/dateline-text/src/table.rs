//! The prebuilt tables' binary form (the actor dictionaries, the PETRARCH patterns; written by
//! build scripts, read at start-up): a header — four magic bytes, a version, the lengths of
//! the texts the table was made from — then the table's strings once each in one UTF-8 text,
//! and everything else a stream of u32 numbers (a string is its offset and length in the
//! text), little-endian. Reading checks every bound: a damaged or stale table reads as `None`.

use std::collections::HashMap;

/// A table being written.
#[derive(Default)]
pub struct Writer {
    text: String,
    at: HashMap<String, [u32; 2]>,
    nums: Vec<u32>,
}

impl Writer {
    /// A number (`None` if it does not fit a u32).
    pub fn num(&mut self, n: usize) -> Option<()> {
        self.nums.push(u32::try_from(n).ok()?);
        Some(())
    }

    /// A string (stored once however often it is written).
    pub fn str(&mut self, s: &str) -> Option<()> {
        let at = match self.at.get(s) {
            Some(&at) => at,
            None => {
                let at = [
                    u32::try_from(self.text.len()).ok()?,
                    u32::try_from(s.len()).ok()?,
                ];
                self.text.push_str(s);
                self.at.insert(s.to_string(), at);
                at
            }
        };
        self.nums.extend(at);
        Some(())
    }

    /// A day number, or none.
    pub fn day(&mut self, d: Option<i64>) -> Option<()> {
        match d {
            None => self.nums.push(0),
            Some(d) => {
                self.nums.push(1);
                self.nums.push(i32::try_from(d).ok()? as u32);
            }
        }
        Some(())
    }

    /// The table: `magic`, `version`, the number of texts and their lengths, the strings'
    /// text (its length, then its bytes), the count of numbers and the numbers.
    pub fn finish(self, magic: &[u8; 4], version: u32, text_lengths: &[usize]) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(24 + self.text.len() + 4 * self.nums.len());
        out.extend_from_slice(magic);
        let head = [version as usize, text_lengths.len()].into_iter();
        for n in head.chain(text_lengths.iter().copied()) {
            out.extend_from_slice(&u32::try_from(n).ok()?.to_le_bytes());
        }
        out.extend_from_slice(&u32::try_from(self.text.len()).ok()?.to_le_bytes());
        out.extend_from_slice(self.text.as_bytes());
        out.extend_from_slice(&u32::try_from(self.nums.len()).ok()?.to_le_bytes());
        for n in self.nums {
            out.extend_from_slice(&n.to_le_bytes());
        }
        Some(out)
    }
}

/// A table being read; every read checks its bounds.
pub struct Reader<'a> {
    nums: &'a [u8],
    text: &'a str,
}

impl<'a> Reader<'a> {
    /// The numbers of a table [`Writer::finish`] wrote with this `magic` and `version` from
    /// texts of `text_lengths` bytes: `None` if `bytes` are not such a table.
    pub fn open(
        bytes: &'a [u8],
        magic: &[u8; 4],
        version: u32,
        text_lengths: &[usize],
    ) -> Option<Reader<'a>> {
        let mut head = Reader {
            nums: bytes.strip_prefix(magic)?,
            text: "",
        };
        if head.num()? != version as usize || head.num()? != text_lengths.len() {
            return None;
        }
        for &len in text_lengths {
            if head.num()? != len {
                return None;
            }
        }
        let text_len = head.num()?;
        let (text, rest) = head.nums.split_at_checked(text_len)?;
        let (count, nums) = rest.split_first_chunk::<4>()?;
        if nums.len() != (u32::from_le_bytes(*count) as usize).checked_mul(4)? {
            return None;
        }
        Some(Reader {
            nums,
            text: std::str::from_utf8(text).ok()?,
        })
    }

    pub fn num(&mut self) -> Option<usize> {
        let (n, rest) = self.nums.split_first_chunk::<4>()?;
        self.nums = rest;
        Some(u32::from_le_bytes(*n) as usize)
    }

    /// A count of items of at least `min` numbers each, if that many are left.
    pub fn count(&mut self, min: usize) -> Option<usize> {
        let n = self.num()?;
        (n.checked_mul(min)? <= self.nums.len() / 4).then_some(n)
    }

    /// A string, borrowed from the table.
    pub fn str(&mut self) -> Option<&'a str> {
        let (at, len) = (self.num()?, self.num()?);
        self.text.get(at..at.checked_add(len)?)
    }

    pub fn day(&mut self) -> Option<Option<i64>> {
        match self.num()? {
            0 => Some(None),
            1 => Some(Some(i64::from(self.num()? as u32 as i32))),
            _ => None,
        }
    }

    /// A flag (0 or 1).
    pub fn flag(&mut self) -> Option<bool> {
        match self.num()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// An index below `below`.
    pub fn index(&mut self, below: usize) -> Option<usize> {
        self.num().filter(|&i| i < below)
    }

    /// Whether every number was read.
    pub fn is_done(&self) -> bool {
        self.nums.is_empty()
    }
}
