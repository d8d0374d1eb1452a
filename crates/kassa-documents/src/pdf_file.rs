//! Turning laid-out pages into PDF bytes: printpdf builds the document, then the embedded
//! font programs are replaced by this crate's glyph-id-keeping subsets and the streams are
//! compressed at the fast level.
//!
//! printpdf is asked to embed the whole faces (`subset_fonts: false`): it then writes glyph
//! ids unchanged and `/W` and `/ToUnicode` only for the glyphs used, which is exactly what
//! `font_subset` produces a program for. Each program gets a subset tag (`ABCDEF+`) on its
//! names, as ISO 32000-1 9.6.4 asks of subset fonts. lopdf's own compression uses the best
//! level, which cost more than all the rest of an invoice for files a few per cent smaller.

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{Document, Object, ObjectId};
use printpdf::{PdfDocument, PdfSaveOptions};

use crate::canvas::FontHandles;
use crate::fonts::{Fonts, Weight};
use crate::pages::SizedPage;

/// Writes pages into one PDF with both faces embedded as subsets of the glyphs used.
pub(crate) fn write_pdf(fonts: &Fonts, title: &str, pages: Vec<SizedPage<'_>>) -> Vec<u8> {
    let mut used_regular = vec![false; fonts.regular.glyphs.glyph_count()];
    let mut used_bold = vec![false; fonts.bold.glyphs.glyph_count()];
    for page in &pages {
        page.canvas
            .collect_glyphs(&mut used_regular, &mut used_bold);
    }

    let mut pdf = PdfDocument::new(title);
    pdf.metadata.info.creator = "Kassa".to_owned();
    pdf.metadata.info.producer = "Kassa".to_owned();
    let handles = FontHandles {
        regular: pdf.add_font(&fonts.regular.parsed),
        bold: pdf.add_font(&fonts.bold.parsed),
    };
    let pages = pages
        .into_iter()
        .map(|page| page.canvas.into_page(page.height, &handles))
        .collect();
    let options = PdfSaveOptions {
        subset_fonts: false,
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut document = pdf
        .with_pages(pages)
        .to_lopdf_document(&options, &mut Vec::new());
    for (weight, used) in [(Weight::Regular, &used_regular), (Weight::Bold, &used_bold)] {
        let face = fonts.face(weight);
        if let Some(name) = face.parsed.font_name.as_deref() {
            embed_subset(
                &mut document,
                name,
                || face.glyphs.subset(used),
                &subset_tag(used),
            );
        }
    }
    compress_streams(&mut document);
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = document.save_to(&mut bytes);
    bytes
}

/// Six capital letters derived from the glyph set, so equal subsets get equal tags.
fn subset_tag(used: &[bool]) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for (gid, _) in used.iter().enumerate().filter(|(_, used)| **used) {
        for byte in gid.to_be_bytes() {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
    (0..6)
        .map(|_| {
            let letter = u8::try_from(hash % 26).unwrap_or(0);
            hash /= 26;
            char::from(b'A' + letter)
        })
        .collect()
}

fn name_is(dictionary: &lopdf::Dictionary, key: &[u8], name: &str) -> bool {
    dictionary
        .get(key)
        .and_then(Object::as_name)
        .is_ok_and(|value| value == name.as_bytes())
}

/// Replaces the program of the face called `name` and tags its names as a subset.
fn embed_subset(document: &mut Document, name: &str, program: impl FnOnce() -> Vec<u8>, tag: &str) {
    let tagged = format!("{tag}+{name}");
    let mut programs: Vec<ObjectId> = Vec::new();
    let mut renamed = false;
    for object in document.objects.values_mut() {
        let Object::Dictionary(dictionary) = object else {
            continue;
        };
        if name_is(dictionary, b"Type", "FontDescriptor") && name_is(dictionary, b"FontName", name)
        {
            if let Ok(id) = dictionary.get(b"FontFile2").and_then(Object::as_reference) {
                programs.push(id);
            }
            dictionary.set("FontName", Object::Name(tagged.clone().into_bytes()));
            renamed = true;
        } else if name_is(dictionary, b"Type", "Font") && name_is(dictionary, b"BaseFont", name) {
            dictionary.set("BaseFont", Object::Name(tagged.clone().into_bytes()));
        }
    }
    if !renamed || programs.is_empty() {
        return;
    }
    // printpdf writes one program per face; should there be more, they all get the subset.
    let mut program = program();
    let length = Object::Integer(i64::try_from(program.len()).unwrap_or(i64::MAX));
    let last = programs.len() - 1;
    for (index, id) in programs.into_iter().enumerate() {
        if let Ok(Object::Stream(stream)) = document.get_object_mut(id) {
            stream.dict.set("Length1", length.clone());
            if index == last {
                stream.set_content(std::mem::take(&mut program));
            } else {
                stream.set_content(program.clone());
            }
        }
    }
}

/// Deflates every stream not compressed yet at the fast level, reusing one compressor
/// (setting one up allocates and clears a few hundred kilobytes of tables).
fn compress_streams(document: &mut Document) {
    let mut compressor = Compress::new(Compression::fast(), true);
    for object in document.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.get(b"Filter").is_ok() || stream.content.len() < 64 {
            continue;
        }
        compressor.reset();
        let bound = stream.content.len() + stream.content.len() / 8 + 128;
        let mut compressed = Vec::with_capacity(bound);
        let finished =
            compressor.compress_vec(&stream.content, &mut compressed, FlushCompress::Finish);
        if matches!(finished, Ok(Status::StreamEnd)) && compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}
