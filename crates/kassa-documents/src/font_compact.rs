//! Renumbers a face's glyphs once, at load, so that the glyphs shop documents use have
//! small ids.
//!
//! Subsets keep glyph ids (see `font_subset`), so their `loca` and `hmtx` tables are as long
//! as the highest id used. DejaVu keeps the accents that `Ä` and `É` are built from at ids
//! near 6,000, which made every subset carry 47 KB of mostly empty tables to compress. In
//! the compact order, glyph 0 is followed by the glyphs of Western and Central European
//! Latin, Greek, Russian Cyrillic and the common punctuation in code-point order, then
//! their components, then a second tier of rarer letters and signs, then every other
//! glyph: nothing is dropped, and documents in these scripts stay below id ~700.
//!
//! The compact face has the glyph tables (`glyf`, `loca`, `hmtx`) reordered, composite
//! glyphs pointing at their components' new ids, a new `cmap` (formats 4 and 12) and the
//! tables that do not mention glyph ids (`head`, `hhea`, `maxp`, `OS/2`, `name`); the
//! layout tables (`GSUB`, `GPOS`, `kern`, …) are dropped, as documents never use them.
//! So are the TrueType hinting instructions (40 % of DejaVu's outline bytes): PDF viewers
//! and printers rasterise outlines without them (pdf.js, PDFium, Preview and poppler by
//! default), so they only made every document larger and slower to compress.

use crate::font_subset::{GlyphSource, patch_u16, patch_u32, read_u16, read_u32, write_sfnt};

/// Code points whose glyphs come first, tier by tier; each tier is followed by the
/// components its glyphs are built from.
const TIERS: [&[(u32, u32)]; 2] = [
    &[
        (0x0000, 0x017F), // Basic Latin, Latin-1, Latin Extended-A
        (0x0370, 0x03FF), // Greek
        (0x0400, 0x045F), // Cyrillic (Russian, Ukrainian, Belarusian, Serbian, …)
        (0x2010, 0x203A), // dashes, quotes, bullet, ellipsis
        (0x20AC, 0x20AC), // euro sign
    ],
    &[
        (0x0180, 0x024F), // Latin Extended-B
        (0x0460, 0x052F), // Cyrillic extensions
        (0x1E00, 0x1EFF), // Latin Extended Additional (Vietnamese, Welsh, …)
        (0x2000, 0x20CF), // other punctuation, super- and subscripts, currency signs
        (0x2100, 0x218F), // letterlike symbols, number forms
    ],
];

/// (code point, glyph id) pairs of the face's Unicode `cmap`, sorted by code point.
pub(crate) fn read_cmap(cmap: &[u8]) -> Option<Vec<(u32, u16)>> {
    let count = usize::from(read_u16(cmap, 2)?);
    let mut best: Option<(u16, usize)> = None;
    for index in 0..count {
        let record = 4 + 8 * index;
        let platform = read_u16(cmap, record)?;
        let encoding = read_u16(cmap, record + 2)?;
        let offset = usize::try_from(read_u32(cmap, record + 4)?).ok()?;
        let format = read_u16(cmap, offset)?;
        let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        if unicode && (format == 12 || (format == 4 && best.is_none())) {
            best = Some((format, offset));
        }
    }
    let (format, offset) = best?;
    let table = cmap.get(offset..)?;
    let mut pairs = Vec::new();
    if format == 12 {
        let groups = usize::try_from(read_u32(table, 12)?).ok()?;
        for group in 0..groups {
            let at = 16 + 12 * group;
            let (start, end, glyph) = (
                read_u32(table, at)?,
                read_u32(table, at + 4)?,
                read_u32(table, at + 8)?,
            );
            for code in start..=end {
                pairs.push((code, u16::try_from(glyph + (code - start)).ok()?));
            }
        }
    } else {
        let segments = usize::from(read_u16(table, 6)? / 2);
        for segment in 0..segments {
            let end = read_u16(table, 14 + 2 * segment)?;
            let start = read_u16(table, 16 + 2 * segments + 2 * segment)?;
            let delta = read_u16(table, 16 + 4 * segments + 2 * segment)?;
            let range_at = 16 + 6 * segments + 2 * segment;
            let range_offset = usize::from(read_u16(table, range_at)?);
            for code in start..=end {
                if code == 0xFFFF {
                    break;
                }
                let glyph = if range_offset == 0 {
                    code.wrapping_add(delta)
                } else {
                    let at = range_at + range_offset + 2 * usize::from(code - start);
                    match read_u16(table, at)? {
                        0 => 0,
                        glyph => glyph.wrapping_add(delta),
                    }
                };
                if glyph != 0 {
                    pairs.push((u32::from(code), glyph));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup_by_key(|(code, _)| *code);
    Some(pairs)
}

/// Runs of consecutive code points mapped to consecutive glyphs: (first code, last code,
/// first glyph).
fn runs(pairs: &[(u32, u16)]) -> Vec<(u32, u32, u16)> {
    let mut runs: Vec<(u32, u32, u16)> = Vec::new();
    for &(code, glyph) in pairs {
        match runs.last_mut() {
            Some((start, end, first))
                if code == *end + 1 && u32::from(glyph) == u32::from(*first) + (code - *start) =>
            {
                *end = code;
            }
            _ => runs.push((code, code, glyph)),
        }
    }
    runs
}

/// A `cmap` with a format 4 subtable (Basic Multilingual Plane) and a format 12 one (all).
fn write_cmap(pairs: &[(u32, u16)]) -> Vec<u8> {
    let bmp: Vec<(u32, u16)> = pairs
        .iter()
        .copied()
        .filter(|(code, _)| *code < 0xFFFF)
        .collect();
    let mut bmp_runs: Vec<(u32, u32, u16)> = runs(&bmp);
    // A run must not cross into the mandatory final 0xFFFF segment.
    bmp_runs.push((0xFFFF, 0xFFFF, 0));
    let segments = u16::try_from(bmp_runs.len()).unwrap_or(u16::MAX);
    let selector = u16::try_from(segments.max(1).ilog2()).unwrap_or(0);
    let search_range = 2 * (1u16 << selector);
    let mut format4 = Vec::new();
    let length4 = u16::try_from(16 + 8 * bmp_runs.len()).unwrap_or(u16::MAX);
    for value in [
        4,
        length4,
        0,
        2 * segments,
        search_range,
        selector,
        2 * segments - search_range,
    ] {
        format4.extend_from_slice(&u16::to_be_bytes(value));
    }
    let low = |value: u32| u16::try_from(value & 0xFFFF).unwrap_or(0);
    for (_, end, _) in &bmp_runs {
        format4.extend_from_slice(&low(*end).to_be_bytes());
    }
    format4.extend_from_slice(&[0, 0]);
    for (start, _, _) in &bmp_runs {
        format4.extend_from_slice(&low(*start).to_be_bytes());
    }
    for (start, end, glyph) in &bmp_runs {
        // The final segment maps 0xFFFF to glyph 0: delta 1 wraps it around.
        let delta = if *start == 0xFFFF && *end == 0xFFFF {
            1
        } else {
            glyph.wrapping_sub(low(*start))
        };
        format4.extend_from_slice(&delta.to_be_bytes());
    }
    format4.extend(std::iter::repeat_n(0u8, 2 * bmp_runs.len()));

    let all_runs = runs(pairs);
    let mut format12 = Vec::new();
    let groups = u32::try_from(all_runs.len()).unwrap_or(u32::MAX);
    format12.extend_from_slice(&12u16.to_be_bytes());
    format12.extend_from_slice(&0u16.to_be_bytes());
    for value in [16 + 12 * groups, 0, groups] {
        format12.extend_from_slice(&value.to_be_bytes());
    }
    for (start, end, glyph) in all_runs {
        for value in [start, end, u32::from(glyph)] {
            format12.extend_from_slice(&value.to_be_bytes());
        }
    }

    let mut cmap = Vec::with_capacity(20 + format4.len() + format12.len());
    for value in [0u16, 2, 3, 1] {
        cmap.extend_from_slice(&value.to_be_bytes());
    }
    cmap.extend_from_slice(&20u32.to_be_bytes());
    for value in [3u16, 10] {
        cmap.extend_from_slice(&value.to_be_bytes());
    }
    cmap.extend_from_slice(
        &u32::try_from(20 + format4.len())
            .unwrap_or(u32::MAX)
            .to_be_bytes(),
    );
    cmap.extend_from_slice(&format4);
    cmap.extend_from_slice(&format12);
    cmap
}

/// A glyph without its hinting instructions.
fn strip_instructions(glyph: &[u8]) -> Vec<u8> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE_COMPONENTS: u16 = 0x0020;
    const HAVE_XY_SCALE: u16 = 0x0040;
    const HAVE_TWO_BY_TWO: u16 = 0x0080;
    const HAVE_INSTRUCTIONS: u16 = 0x0100;
    let Some(contours) = read_u16(glyph, 0) else {
        return glyph.to_vec();
    };
    if contours & 0x8000 == 0 {
        // Simple glyph: contour end points, then the instruction length and instructions.
        let at = 10 + 2 * usize::from(contours);
        let Some(length) = read_u16(glyph, at) else {
            return glyph.to_vec();
        };
        let mut stripped = glyph.get(..at).unwrap_or_default().to_vec();
        stripped.extend_from_slice(&[0, 0]);
        stripped.extend_from_slice(
            glyph
                .get(at + 2 + usize::from(length)..)
                .unwrap_or_default(),
        );
        return stripped;
    }
    // Composite glyph: the instructions follow the last component.
    let mut stripped = glyph.to_vec();
    let mut at = 10;
    while let Some(flags) = read_u16(&stripped, at) {
        patch_u16(&mut stripped, at, flags & !HAVE_INSTRUCTIONS);
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
            stripped.truncate(at);
            break;
        }
    }
    stripped
}

/// The face with its glyphs in the compact order (see the module documentation).
pub(crate) fn compact(source: &GlyphSource) -> Option<Vec<u8>> {
    let pairs = read_cmap(source.table(b"cmap"))?;
    let glyph_count = source.glyph_count();
    let mut order: Vec<u16> = Vec::with_capacity(glyph_count);
    let mut seen = vec![false; glyph_count];
    let mut take = |gid: u16, order: &mut Vec<u16>| {
        if let Some(flag) = seen.get_mut(usize::from(gid))
            && !*flag
        {
            *flag = true;
            order.push(gid);
        }
    };
    take(0, &mut order);
    let tier_of = |code: u32| {
        TIERS
            .iter()
            .position(|ranges| {
                ranges
                    .iter()
                    .any(|(low, high)| (*low..=*high).contains(&code))
            })
            .unwrap_or(TIERS.len())
    };
    for tier in 0..=TIERS.len() {
        let start = order.len();
        for (_, gid) in pairs.iter().filter(|(code, _)| tier_of(*code) == tier) {
            take(*gid, &mut order);
        }
        // Components right after the glyphs that use them, depth first.
        let mut index = start;
        while let Some(&gid) = order.get(index) {
            for component in source.components(gid) {
                take(component, &mut order);
            }
            index += 1;
        }
    }
    for gid in 0..u16::try_from(glyph_count).ok()? {
        take(gid, &mut order);
    }
    let mut new_id = vec![0u16; glyph_count];
    for (new, old) in order.iter().enumerate() {
        *new_id.get_mut(usize::from(*old))? = u16::try_from(new).ok()?;
    }

    let mut glyf = Vec::with_capacity(source.table(b"glyf").len());
    let mut loca = Vec::with_capacity(4 * (glyph_count + 1));
    let mut hmtx = Vec::with_capacity(4 * glyph_count);
    for old in &order {
        loca.extend_from_slice(&u32::try_from(glyf.len()).ok()?.to_be_bytes());
        let start = glyf.len();
        glyf.extend_from_slice(source.glyph(*old));
        for (at, component) in source.component_offsets(*old) {
            let renumbered = *new_id.get(usize::from(component))?;
            patch_u16(glyf.get_mut(start..)?, at, renumbered);
        }
        let stripped = strip_instructions(glyf.get(start..)?);
        glyf.truncate(start);
        glyf.extend_from_slice(&stripped);
        glyf.resize(glyf.len().div_ceil(4) * 4, 0);
        let (advance, side_bearing) = source.horizontal_metric(*old);
        hmtx.extend_from_slice(&advance.to_be_bytes());
        hmtx.extend_from_slice(&side_bearing.to_be_bytes());
    }
    loca.extend_from_slice(&u32::try_from(glyf.len()).ok()?.to_be_bytes());
    let new_pairs: Vec<(u32, u16)> = pairs
        .iter()
        .filter_map(|(code, old)| Some((*code, *new_id.get(usize::from(*old))?)))
        .collect();

    let mut head = source.table(b"head").to_vec();
    patch_u32(&mut head, 8, 0);
    patch_u16(&mut head, 50, 1);
    let mut hhea = source.table(b"hhea").to_vec();
    patch_u16(&mut hhea, 34, u16::try_from(glyph_count).ok()?);
    let mut post = source.table(b"post").get(..32)?.to_vec();
    patch_u32(&mut post, 0, 0x0003_0000);
    let mut tables: Vec<(&[u8; 4], Vec<u8>)> = vec![
        (b"cmap", write_cmap(&new_pairs)),
        (b"glyf", glyf),
        (b"head", head),
        (b"hhea", hhea),
        (b"hmtx", hmtx),
        (b"loca", loca),
        (b"maxp", source.table(b"maxp").to_vec()),
        (b"post", post),
    ];
    for tag in [b"OS/2", b"gasp", b"name"] {
        let table = source.table(tag);
        if !table.is_empty() {
            tables.push((tag, table.to_vec()));
        }
    }
    tables.sort_by_key(|(tag, _)| **tag);
    Some(write_sfnt(&tables))
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

    #[test]
    fn the_compact_face_maps_every_character_to_the_same_outline() {
        let original = GlyphSource::parse(REGULAR.to_vec()).unwrap();
        let compact = GlyphSource::parse(compact(&original).unwrap()).unwrap();
        let before = read_cmap(original.table(b"cmap")).unwrap();
        let after = read_cmap(compact.table(b"cmap")).unwrap();
        assert_eq!(before.len(), after.len(), "every character keeps a glyph");
        for ((code, old), (same_code, new)) in before.iter().zip(&after) {
            assert_eq!(code, same_code);
            let (old_outline, new_outline) = (original.glyph(*old), compact.glyph(*new));
            // The same header (contour count and bounding box); simple glyphs also keep
            // their points, only the instructions are gone (and padding may follow).
            assert_eq!(
                old_outline.get(..10),
                new_outline.get(..10),
                "U+{code:04X} keeps its outline"
            );
            if original.components(*old).is_empty() {
                let expected = strip_instructions(old_outline);
                assert!(
                    new_outline.starts_with(&expected),
                    "U+{code:04X} keeps its points"
                );
                assert!(
                    new_outline[expected.len()..].iter().all(|byte| *byte == 0),
                    "only padding follows"
                );
            }
            assert_eq!(
                original.horizontal_metric(*old),
                compact.horizontal_metric(*new),
                "U+{code:04X} keeps its advance"
            );
        }
    }

    #[test]
    fn accents_of_common_letters_get_small_ids() {
        let original = GlyphSource::parse(REGULAR.to_vec()).unwrap();
        let compact = GlyphSource::parse(compact(&original).unwrap()).unwrap();
        let cmap = read_cmap(compact.table(b"cmap")).unwrap();
        let glyph = |c: char| {
            cmap.iter()
                .find(|(code, _)| *code == u32::from(c))
                .map(|(_, g)| *g)
                .unwrap()
        };
        for c in ['Ä', 'É', 'ή', 'й', '€', '—'] {
            let gid = glyph(c);
            let highest = compact
                .components(gid)
                .into_iter()
                .chain([gid])
                .max()
                .unwrap();
            assert!(
                highest < 700,
                "{c} and its components are below 700, got {highest}"
            );
        }
    }
}
