//! The command-line tools the tests read PDFs back with (poppler's `pdftotext`, `pdffonts`,
//! `pdftoppm` and zbar's `zbarimg`). A missing tool fails the test and names the Debian
//! package to install; nothing is skipped silently.

use std::path::{Path, PathBuf};
use std::process::Command;

fn run(program: &str, package: &str, args: &[&str]) -> String {
    let output = match Command::new(program).args(args).output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => panic!(
            "`{program}` is not installed: install the Debian package {package} \
             (apt-get install -y {package})"
        ),
        Err(error) => panic!("`{program}` could not be started: {error}"),
    };
    assert!(
        output.status.success(),
        "`{program} {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Where the tests leave files for a person to look at: `tests/artifacts/documents/` at
/// the repository root (not committed).
pub fn artifacts_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/artifacts/documents");
    std::fs::create_dir_all(&dir).expect("the artifacts folder can be created");
    dir
}

/// Writes `pdf` as `<name>.pdf` into the artifacts folder and returns its path.
pub fn save(name: &str, pdf: &[u8]) -> PathBuf {
    let path = artifacts_dir().join(format!("{name}.pdf"));
    std::fs::write(&path, pdf).expect("the PDF can be written");
    path
}

/// The text of the PDF with its layout kept (columns stay on one line).
pub fn pdf_text(pdf: &Path) -> String {
    let path = pdf.to_string_lossy();
    run(
        "pdftotext",
        "poppler-utils",
        &["-layout", "-enc", "UTF-8", &path, "-"],
    )
}

/// `pdffonts`' table of the fonts in the PDF.
pub fn pdf_fonts(pdf: &Path) -> String {
    run("pdffonts", "poppler-utils", &[&pdf.to_string_lossy()])
}

/// `pdfinfo`'s report on the PDF.
pub fn pdf_info(pdf: &Path) -> String {
    run("pdfinfo", "poppler-utils", &[&pdf.to_string_lossy()])
}

/// Width and height of the first page in points, from `pdfinfo`.
pub fn page_size(pdf: &Path) -> (f64, f64) {
    let info = pdf_info(pdf);
    let size = info
        .lines()
        .find_map(|line| line.strip_prefix("Page size:"))
        .expect("pdfinfo reports the page size");
    let numbers: Vec<f64> = size
        .split_whitespace()
        .filter_map(|word| word.parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

/// Number of pages, from `pdfinfo`.
pub fn page_count(pdf: &Path) -> usize {
    let info = pdf_info(pdf);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

/// Renders the first page to `<pdf stem><suffix>.png` at `dpi` and returns its path.
pub fn render_first_page(pdf: &Path, dpi: u32, suffix: &str) -> PathBuf {
    let stem = pdf.with_extension("");
    let prefix = format!("{}{suffix}", stem.to_string_lossy());
    let dpi = dpi.to_string();
    run(
        "pdftoppm",
        "poppler-utils",
        &[
            "-r",
            &dpi,
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            &pdf.to_string_lossy(),
            &prefix,
        ],
    );
    PathBuf::from(format!("{prefix}.png"))
}

/// What `zbarimg` decodes in the image, one `TYPE:data` per line.
pub fn decode_barcodes(png: &Path) -> String {
    run(
        "zbarimg",
        "zbar-tools",
        &["--quiet", &png.to_string_lossy()],
    )
}

/// Every word of the PDF with its bounding box (`pdftotext -bbox`), one
/// `<word xMin=".." yMin=".." xMax=".." yMax="..">text</word>` per line.
pub fn pdf_word_boxes(pdf: &Path) -> String {
    let path = pdf.to_string_lossy();
    run("pdftotext", "poppler-utils", &["-bbox", &path, "-"])
}
