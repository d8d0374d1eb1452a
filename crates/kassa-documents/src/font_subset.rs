//! A fast TrueType subsetter that keeps glyph ids, so each PDF embeds only the glyphs it
//! shows without paying for a general-purpose subsetter on every document.
//!
//! printpdf subsets through allsorts, which parses the whole `glyf` table and rebuilds the
//! font on every save: that and compressing the result were most of the time of a one-page
//! invoice. The face is parsed here once (table directory and `loca`); a document's subset
//! then copies the outlines it uses (with the components of composite glyphs) into a new
//! `glyf`, leaves every other glyph empty, and keeps the glyph ids. Because the ids do not
//! change, the content streams, `/W` widths and `/ToUnicode` map that printpdf writes for
//! the whole face stay valid for the subset; `pages.rs` swaps the font program in.
//!
//! Only the tables a PDF viewer needs for a CID-keyed TrueType font are kept (ISO 32000-1,
//! 9.9: `head`, `hhea`, `maxp`, `hmtx`, `loca`, `glyf`, `cvt `, `fpgm`, `prep`), plus `OS/2`
//! and a format 3 `post`. `cmap`, `name`, kerning and layout tables are left out: the PDF
//! maps codes to glyphs itself and positions every glyph.

use std::ops::Range;

/// Tables copied unchanged into every subset.
const COPIED: [&[u8; 4]; 4] = [b"OS/2", b"cvt ", b"fpgm", b"prep"];

pub(crate) fn read_u16(bytes: &[u8], at: usize) -> Option<u16> {
    let pair = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([*pair.first()?, *pair.get(1)?]))
}

pub(crate) fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let quad = bytes.get(at..at.checked_add(4)?)?;
    let mut word = [0; 4];
    word.copy_from_slice(quad);
    Some(u32::from_be_bytes(word))
}

fn to_usize(value: u32) -> Option<usize> {
    usize::try_from(value).ok()
}

/// One face, parsed for subsetting.
pub(crate) struct GlyphSource {
    bytes: Vec<u8>,
    tables: Vec<([u8; 4], Range<usize>)>,
    /// Start of each glyph in `glyf`, `num_glyphs + 1` entries.
    loca: Vec<usize>,
    glyf: Range<usize>,
}

impl GlyphSource {
    /// Reads the table directory and `loca`; `None` if the font is not a TrueType face.
    pub(crate) fn parse(bytes: Vec<u8>) -> Option<Self> {
        let table_count = usize::from(read_u16(&bytes, 4)?);
        let mut tables = Vec::with_capacity(table_count);
        for index in 0..table_count {
            let record = 12 + 16 * index;
            let tag = bytes.get(record..record + 4)?;
            let offset = to_usize(read_u32(&bytes, record + 8)?)?;
            let length = to_usize(read_u32(&bytes, record + 12)?)?;
            bytes.get(offset..offset.checked_add(length)?)?;
            tables.push((
                [*tag.first()?, *tag.get(1)?, *tag.get(2)?, *tag.get(3)?],
                offset..offset + length,
            ));
        }
        let find = |tag: &[u8; 4]| {
            tables
                .iter()
                .find(|(t, _)| t == tag)
                .map(|(_, range)| range.clone())
        };
        let head = find(b"head")?;
        let long_offsets = read_u16(&bytes, head.start + 50)? == 1;
        let glyph_count = usize::from(read_u16(&bytes, find(b"maxp")?.start + 4)?);
        let loca_table = find(b"loca")?;
        let loca = (0..=glyph_count)
            .map(|gid| {
                if long_offsets {
                    to_usize(read_u32(&bytes, loca_table.start + 4 * gid)?)
                } else {
                    Some(usize::from(read_u16(&bytes, loca_table.start + 2 * gid)?) * 2)
                }
            })
            .collect::<Option<Vec<usize>>>()?;
        let glyf = find(b"glyf")?;
        for required in [b"hhea", b"hmtx", b"post"] {
            find(required)?;
        }
        Some(Self {
            bytes,
            tables,
            loca,
            glyf,
        })
    }

    /// The table `tag`, empty if the face has none.
    pub(crate) fn table(&self, tag: &[u8; 4]) -> &[u8] {
        self.tables
            .iter()
            .find(|(t, _)| t == tag)
            .and_then(|(_, range)| self.bytes.get(range.clone()))
            .unwrap_or_default()
    }

    /// Number of glyphs in the face.
    pub(crate) fn glyph_count(&self) -> usize {
        self.loca.len().saturating_sub(1)
    }

    /// Advance width and left side bearing of `gid`.
    pub(crate) fn horizontal_metric(&self, gid: u16) -> (u16, u16) {
        let hmtx = self.table(b"hmtx");
        let long_metrics = usize::from(read_u16(self.table(b"hhea"), 34).unwrap_or(1)).max(1);
        let index = usize::from(gid);
        let advance = read_u16(hmtx, 4 * index.min(long_metrics - 1)).unwrap_or(0);
        let side_bearing = if index < long_metrics {
            read_u16(hmtx, 4 * index + 2)
        } else {
            read_u16(hmtx, 4 * long_metrics + 2 * (index - long_metrics))
        };
        (advance, side_bearing.unwrap_or(0))
    }

    /// The outline of `gid`, empty for glyphs without one (space) or out of range.
    pub(crate) fn glyph(&self, gid: u16) -> &[u8] {
        let index = usize::from(gid);
        match (self.loca.get(index), self.loca.get(index + 1)) {
            (Some(&start), Some(&end)) if start < end => self
                .bytes
                .get(self.glyf.start + start..self.glyf.start + end)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// Glyph ids a composite glyph is built from (empty for simple glyphs).
    pub(crate) fn components(&self, gid: u16) -> Vec<u16> {
        self.component_offsets(gid)
            .into_iter()
            .map(|(_, component)| component)
            .collect()
    }

    /// Where in the glyph's data each component's glyph id is stored, with that id.
    pub(crate) fn component_offsets(&self, gid: u16) -> Vec<(usize, u16)> {
        const ARGS_ARE_WORDS: u16 = 0x0001;
        const HAVE_SCALE: u16 = 0x0008;
        const MORE_COMPONENTS: u16 = 0x0020;
        const HAVE_XY_SCALE: u16 = 0x0040;
        const HAVE_TWO_BY_TWO: u16 = 0x0080;
        let data = self.glyph(gid);
        let mut components = Vec::new();
        // A negative contour count marks a composite glyph.
        if read_u16(data, 0).is_none_or(|contours| contours & 0x8000 == 0) {
            return components;
        }
        let mut at = 10;
        while let (Some(flags), Some(component)) = (read_u16(data, at), read_u16(data, at + 2)) {
            components.push((at + 2, component));
            at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
            at += if flags & HAVE_SCALE != 0 {
                2
            } else if flags & HAVE_XY_SCALE != 0 {
                4
            } else if flags & HAVE_TWO_BY_TWO != 0 {
                8
            } else {
                0
            };
            if flags & MORE_COMPONENTS == 0 {
                break;
            }
        }
        components
    }

    /// The face without outlines or layout tables: what printpdf is given to measure and
    /// map text with. It copies its font's bytes into every document (and this crate then
    /// replaces them with a subset), so a small face here saves copying megabytes.
    pub(crate) fn skeleton(&self) -> Vec<u8> {
        const KEPT: [&[u8; 4]; 7] = [
            b"OS/2", b"cmap", b"head", b"hhea", b"hmtx", b"maxp", b"post",
        ];
        let mut tables: Vec<(&[u8; 4], Vec<u8>)> =
            vec![(b"name", postscript_name_table(self.table(b"name")))];
        for tag in KEPT {
            tables.push((tag, self.table(tag).to_vec()));
        }
        tables.sort_by_key(|(tag, _)| **tag);
        write_sfnt(&tables)
    }

    /// A font with the outlines of `used` (and of .notdef and any components) and every
    /// other glyph empty; glyph ids are unchanged.
    /// `used` is indexed by glyph id.
    pub(crate) fn subset(&self, used: &[bool]) -> Vec<u8> {
        let mut keep = vec![false; self.glyph_count()];
        let mut pending: Vec<u16> = used
            .iter()
            .enumerate()
            .filter(|(_, used)| **used)
            .filter_map(|(gid, _)| u16::try_from(gid).ok())
            .chain([0])
            .collect();
        while let Some(gid) = pending.pop() {
            if let Some(flag) = keep.get_mut(usize::from(gid))
                && !*flag
            {
                *flag = true;
                pending.extend(self.components(gid));
            }
        }
        // Glyphs above the highest one kept are dropped from the font altogether.
        let glyph_count = keep
            .iter()
            .rposition(|kept| *kept)
            .map_or(1, |last| last + 1);

        let mut glyf = Vec::new();
        let mut loca = Vec::with_capacity(4 * (glyph_count + 1));
        let mut hmtx = vec![0; 4 * glyph_count];
        for gid in 0..glyph_count {
            loca.extend_from_slice(&u32::try_from(glyf.len()).unwrap_or(u32::MAX).to_be_bytes());
            let Ok(gid16) = u16::try_from(gid) else { break };
            if !keep.get(gid).copied().unwrap_or(false) {
                continue;
            }
            glyf.extend_from_slice(self.glyph(gid16));
            glyf.resize(glyf.len().div_ceil(4) * 4, 0);
            let (advance, side_bearing) = self.horizontal_metric(gid16);
            if let Some(metric) = hmtx.get_mut(4 * gid..4 * gid + 4) {
                metric
                    .copy_from_slice(&[advance.to_be_bytes(), side_bearing.to_be_bytes()].concat());
            }
        }
        loca.extend_from_slice(&u32::try_from(glyf.len()).unwrap_or(u32::MAX).to_be_bytes());

        let count = u16::try_from(glyph_count).unwrap_or(u16::MAX);
        let mut head = self.table(b"head").to_vec();
        patch_u32(&mut head, 8, 0); // checkSumAdjustment: recomputed by nobody, zero is allowed
        patch_u16(&mut head, 50, 1); // long loca offsets
        let mut hhea = self.table(b"hhea").to_vec();
        patch_u16(&mut hhea, 34, count); // every glyph has a long metric
        let mut maxp = self.table(b"maxp").to_vec();
        patch_u16(&mut maxp, 4, count);
        let mut post = self.table(b"post").get(..32).unwrap_or_default().to_vec();
        patch_u32(&mut post, 0, 0x0003_0000); // format 3: no glyph names

        let mut tables: Vec<(&[u8; 4], Vec<u8>)> = vec![
            (b"glyf", glyf),
            (b"head", head),
            (b"hhea", hhea),
            (b"hmtx", hmtx),
            (b"loca", loca),
            (b"maxp", maxp),
            (b"post", post),
        ];
        for tag in COPIED {
            let table = self.table(tag);
            if !table.is_empty() {
                tables.push((tag, table.to_vec()));
            }
        }
        tables.sort_by_key(|(tag, _)| **tag);
        write_sfnt(&tables)
    }
}

pub(crate) fn patch_u16(table: &mut [u8], at: usize, value: u16) {
    if let Some(target) = table.get_mut(at..at + 2) {
        target.copy_from_slice(&value.to_be_bytes());
    }
}

pub(crate) fn patch_u32(table: &mut [u8], at: usize, value: u32) {
    if let Some(target) = table.get_mut(at..at + 4) {
        target.copy_from_slice(&value.to_be_bytes());
    }
}

/// A `name` table with only the PostScript name (name id 6), which printpdf uses as the
/// font's name in the PDF.
fn postscript_name_table(name: &[u8]) -> Vec<u8> {
    let count = usize::from(read_u16(name, 2).unwrap_or(0));
    let storage = usize::from(read_u16(name, 4).unwrap_or(0));
    let record = (0..count)
        .map(|index| 6 + 12 * index)
        .find(|at| read_u16(name, *at) == Some(3) && read_u16(name, at + 6) == Some(6));
    let Some(at) = record else {
        return name.to_vec();
    };
    let length = usize::from(read_u16(name, at + 8).unwrap_or(0));
    let offset = storage + usize::from(read_u16(name, at + 10).unwrap_or(0));
    let text = name.get(offset..offset + length).unwrap_or_default();
    let mut table = Vec::with_capacity(18 + text.len());
    for value in [0u16, 1, 18] {
        table.extend_from_slice(&value.to_be_bytes());
    }
    // The record as it was (platform, encoding, language, name id), pointing at offset 0.
    table.extend_from_slice(name.get(at..at + 8).unwrap_or(&[0, 3, 0, 1, 4, 9, 0, 6]));
    table.extend_from_slice(&u16::try_from(text.len()).unwrap_or(0).to_be_bytes());
    table.extend_from_slice(&0u16.to_be_bytes());
    table.extend_from_slice(text);
    table
}

fn checksum(table: &[u8]) -> u32 {
    table.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0; 4];
        for (target, byte) in word.iter_mut().zip(chunk) {
            *target = *byte;
        }
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// Writes an sfnt with `tables` (sorted by tag), each padded to four bytes.
pub(crate) fn write_sfnt(tables: &[(&[u8; 4], Vec<u8>)]) -> Vec<u8> {
    let count = u16::try_from(tables.len()).unwrap_or(u16::MAX);
    let entry_selector = u16::try_from(count.max(1).ilog2()).unwrap_or(0);
    let search_range = (1u16 << entry_selector) * 16;
    let total: usize = tables.iter().map(|(_, table)| table.len() + 3).sum();
    let mut font = Vec::with_capacity(12 + 16 * tables.len() + total);
    font.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for value in [
        count,
        search_range,
        entry_selector,
        count * 16 - search_range,
    ] {
        font.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, table) in tables {
        font.extend_from_slice(*tag);
        font.extend_from_slice(&checksum(table).to_be_bytes());
        font.extend_from_slice(&u32::try_from(offset).unwrap_or(u32::MAX).to_be_bytes());
        font.extend_from_slice(&u32::try_from(table.len()).unwrap_or(u32::MAX).to_be_bytes());
        offset += table.len().div_ceil(4) * 4;
    }
    for (_, table) in tables {
        font.extend_from_slice(table);
        font.resize(font.len().div_ceil(4) * 4, 0);
    }
    font
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

    #[test]
    fn a_subset_keeps_used_outlines_and_their_components_and_empties_the_rest() {
        let source = GlyphSource::parse(REGULAR.to_vec()).unwrap();
        // 171 is é in DejaVu Sans, a composite of e and the acute accent.
        let mut used = vec![false; source.glyph_count()];
        used[36] = true;
        used[171] = true;
        let components = source.components(171);
        assert!(!components.is_empty(), "é is built from components");
        let subset = GlyphSource::parse(source.subset(&used)).unwrap();
        for gid in [36, 171].iter().chain(&components) {
            assert_eq!(
                subset.glyph(*gid),
                source.glyph(*gid),
                "glyph {gid} is copied as it was"
            );
        }
        assert!(subset.glyph(37).is_empty(), "unused glyphs are empty");
        assert_eq!(
            subset.loca.len(),
            172 + 1,
            "glyphs past the last one used are dropped"
        );
        assert!(
            subset.bytes.len() < 20_000,
            "a subset is small: {} bytes",
            subset.bytes.len()
        );
    }
}
