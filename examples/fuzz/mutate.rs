//! Mutations of valid inputs: byte flips, insertions, deletions, truncation, splicing two
//! inputs, numbers swapped for NaN / infinities / huge values, deep nesting, invalid UTF-8,
//! and structure-aware edits (a record repeated or dropped, a string replaced by a hostile
//! one, a field renamed, a separator removed).

/// A small, fast, seeded random number generator (SplitMix64), so a run is repeatable from
/// its seed on every platform.
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True once in `n` times.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const NUMBERS: &[&str] = &[
    "NaN",
    "nan",
    "inf",
    "-inf",
    "+inf",
    "1e308",
    "1e309",
    "-1e999",
    "4.9e-324",
    "-0",
    "-0.0",
    "0x7fffffff",
    "0b1111",
    "0o777",
    "1_000_000",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775807",
    "-9223372036854775808",
    "-9223372036854775809",
    "340282366920938463463374607431768211456",
    "2147483648",
    "-2147483649",
    "65536",
    ".5",
    "5.",
    "1e",
    "--1",
    "1.2.3",
];

const STRINGS: &[&str] = &[
    "\"\"",
    "\"=HYPERLINK(\\\"http://x\\\")\"",
    "\"<script>alert(1)</script>\"",
    "\"\\u{0}\\u{7f}\"",
    "\"\\u{d800}\"",
    "\"\\u{110000}\"",
    "\"\\x80\"",
    "\"\\\"",
    "\"line\\nbreak\\r\\n\"",
    "r#\"raw \" string\"#",
    "r##\"unterminated\"#",
    "\"세종 서울 🦀\"",
    "\"\u{202e}rtl\u{2028}sep\"",
    "\"[link](javascript:alert(1))\"",
    "\"../../etc/passwd\"",
    "\"\\",
    "'c'",
    "b\"bytes\"",
];

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "Some(",
    "None",
    "true",
    "false",
    "()",
    "#![enable(implicit_some)]",
    "/*",
    "*/",
    "//",
    "\n",
    "\r\n",
    "\t",
    "\"",
    "'",
    "r#",
    "format_version: 1",
    "format_version: 2",
    "id: \"x\"",
    "source:",
    ";",
    "\\",
    "=",
    "+",
    "-",
    "@",
];

const FIELDS: &[&str] = &[
    "format_version",
    "name",
    "id",
    "source",
    "sources",
    "places",
    "organisations",
    "programmes",
    "partnerships",
    "indicators",
    "findings",
    "policy_measures",
    "notes",
    "title",
    "body",
    "tags",
    "author",
    "created",
    "updated",
    "deleted",
    "conflict_of",
    "target",
    "kind",
    "year",
    "value",
    "values",
    "unit",
    "economy",
    "lat",
    "lon",
    "unknown_field",
];

const BAD_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xfe\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xe2\x82",
    b"\x80",
    b"\xef\xbb\xbf",
    b"\0",
];

/// Applies one to four random mutations to a copy of `input`; `other` is a second valid
/// input to splice with.
pub fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        mutate_once(rng, &mut out, other);
    }
    out
}

fn mutate_once(rng: &mut Rng, data: &mut Vec<u8>, other: &[u8]) {
    let len = data.len();
    match rng.below(16) {
        // Byte flips.
        0 => {
            for _ in 0..1 + rng.below(8) {
                if !data.is_empty() {
                    let i = rng.below(data.len());
                    data[i] ^= 1 << rng.below(8);
                }
            }
        }
        // A random byte.
        1 => {
            if !data.is_empty() {
                let i = rng.below(len);
                data[i] = rng.next_u64() as u8;
            }
        }
        // Insert random bytes.
        2 => {
            let at = rng.below(len + 1);
            let n = 1 + rng.below(16);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next_u64() as u8).collect();
            data.splice(at..at, bytes);
        }
        // Delete a range.
        3 => {
            if len > 0 {
                let at = rng.below(len);
                let cap = if rng.one_in(8) { len } else { 64 };
                let n = 1 + rng.below((len - at).min(cap));
                data.drain(at..at + n);
            }
        }
        // Truncate.
        4 => {
            let at = rng.below(len + 1);
            data.truncate(at);
        }
        // Splice: a prefix of this input and a suffix of the other.
        5 => {
            let at = rng.below(len + 1);
            let from = rng.below(other.len() + 1);
            data.truncate(at);
            data.extend_from_slice(&other[from..]);
        }
        // A number swapped for a hostile one.
        6 | 7 => {
            if let Some((start, end)) = find_run(rng, data, |b| b.is_ascii_digit() || b == b'.') {
                let number = rng.pick(NUMBERS).as_bytes().to_vec();
                data.splice(start..end, number);
            }
        }
        // Deep nesting.
        8 => {
            let at = rng.below(len + 1);
            let depth = if rng.one_in(4) {
                10_000
            } else {
                1 + rng.below(200)
            };
            let (open, close): (&[u8], &[u8]) = *rng.pick(&[
                (b"[".as_slice(), b"]".as_slice()),
                (b"(", b")"),
                (b"Some(", b")"),
                (b"{", b"}"),
            ]);
            let mut nested = open.repeat(depth);
            if rng.one_in(2) {
                nested.extend_from_slice(&close.repeat(depth));
            }
            data.splice(at..at, nested);
        }
        // Invalid UTF-8.
        9 => {
            let at = rng.below(len + 1);
            data.splice(at..at, rng.pick(BAD_UTF8).iter().copied());
        }
        // A string literal replaced by a hostile one.
        10 => {
            if let Some((start, end)) = find_string(rng, data) {
                let s: Vec<u8> = if rng.one_in(8) {
                    let n = if rng.one_in(4) {
                        100_000
                    } else {
                        1 + rng.below(5_000)
                    };
                    let mut s = vec![b'"'];
                    s.extend(std::iter::repeat_n(b'x', n));
                    s.push(b'"');
                    s
                } else {
                    rng.pick(STRINGS).as_bytes().to_vec()
                };
                data.splice(start..end, s);
            }
        }
        // A record repeated, or dropped (a balanced parenthesised span).
        11 => {
            if let Some((start, end)) = find_balanced(rng, data) {
                if rng.one_in(2) {
                    data.drain(start..end);
                } else {
                    let copy = data[start..end].to_vec();
                    let mut with_comma = copy;
                    with_comma.push(b',');
                    let times = if rng.one_in(8) { 50 } else { 1 };
                    for _ in 0..times {
                        data.splice(start..start, with_comma.iter().copied());
                    }
                }
            }
        }
        // A field renamed.
        12 => {
            if let Some((start, end)) = find_run(rng, data, |b| b.is_ascii_lowercase() || b == b'_')
            {
                data.splice(start..end, rng.pick(FIELDS).bytes());
            }
        }
        // A syntax token inserted.
        13 => {
            let at = rng.below(len + 1);
            data.splice(at..at, rng.pick(TOKENS).bytes());
        }
        // A separator removed.
        14 => {
            let seps: Vec<usize> = data
                .iter()
                .enumerate()
                .filter(|(_, b)| matches!(b, b',' | b':' | b'"' | b')' | b']'))
                .map(|(i, _)| i)
                .collect();
            if !seps.is_empty() {
                let i = *rng.pick(&seps);
                data.remove(i);
            }
        }
        // A chunk of this input copied elsewhere.
        _ => {
            if len > 1 {
                let a = rng.below(len);
                let n = 1 + rng.below((len - a).min(256));
                let chunk = data[a..a + n].to_vec();
                let at = rng.below(len + 1);
                data.splice(at..at, chunk);
            }
        }
    }
}

/// A random maximal run of bytes matching `pred`, as (start, end).
fn find_run(rng: &mut Rng, data: &[u8], pred: impl Fn(u8) -> bool) -> Option<(usize, usize)> {
    if data.is_empty() {
        return None;
    }
    let from = rng.below(data.len());
    let start = (from..data.len())
        .chain(0..from)
        .find(|&i| pred(data[i]) && (i == 0 || !pred(data[i - 1])))?;
    let end = (start..data.len())
        .find(|&i| !pred(data[i]))
        .unwrap_or(data.len());
    Some((start, end))
}

/// A random double-quoted string literal (without escapes across it), as (start, end).
fn find_string(rng: &mut Rng, data: &[u8]) -> Option<(usize, usize)> {
    if data.is_empty() {
        return None;
    }
    let from = rng.below(data.len());
    let start = (from..data.len()).find(|&i| data[i] == b'"')?;
    let end = (start + 1..data.len()).find(|&i| data[i] == b'"' && data[i - 1] != b'\\')?;
    Some((start, end + 1))
}

/// A random balanced `( … )` span, as (start, end).
fn find_balanced(rng: &mut Rng, data: &[u8]) -> Option<(usize, usize)> {
    if data.is_empty() {
        return None;
    }
    let from = rng.below(data.len());
    let start = (from..data.len()).find(|&i| data[i] == b'(')?;
    let mut depth = 0usize;
    for (i, &b) in data.iter().enumerate().skip(start) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((start, i + 1));
                }
            }
            _ => {}
        }
    }
    None
}
