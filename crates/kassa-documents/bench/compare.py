"""Times well-known PDF generators making the same one-page invoice as the Rust benchmark.

ReportLab draws it with its canvas API (the fastest way to use it: no layout engine, fonts
registered once, like the Rust maker). WeasyPrint renders the equivalent HTML and CSS.
Both embed the same DejaVu Sans TTFs the crate ships, so Greek and Cyrillic print and the
fonts are subset, as in the Rust PDF.

Usage: python3 compare.py RUNS
Prints one line per generator: `<name> median_ms=<ms> runs=<n> bytes=<size>`, or
`<name> missing=<pip package>` when the package is not installed.
"""

import os
import statistics
import sys
import time

FONTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fonts")
REGULAR = os.path.join(FONTS, "DejaVuSans.ttf")
BOLD = os.path.join(FONTS, "DejaVuSans-Bold.ttf")

SHOP = ["Kassa Demo GmbH", "Hauptstraße 12", "10115 Berlin, Deutschland",
        "+49 30 1234567  ·  shop@kassa.example", "Tax ID DE123456789"]
FACTS = [("Invoice no.", "INV-2025-000042"), ("Invoice date", "2025-03-14"),
         ("Order", "S01-R01-000042"), ("Order date", "2025-03-14 16:05"), ("Status", "Paid")]
BILL_TO = ["Ελένη Παπαδοπούλου", "Οδός Ερμού 25", "105 63 Αθήνα", "Ελλάδα",
           "eleni.papadopoulou@example.gr"]
SHIP_TO = ["Дмитрий Смирнов", "ул. Тверская, д. 7, кв. 12", "125009 Москва", "Россия"]
LINES = [
    ("COF-ETH-500", "Kaffeebohnen Äthiopien Yirgacheffe, 500 g", "2", "14,90", "VAT 7%", "29,80"),
    ("OLV-KAL-250", "Ελιές Καλαμάτας σε άλμη, 250 g", "3", "4,49", "VAT 7%", "13,47"),
    ("TEA-IVN-100", "Иван-чай ферментированный, 100 г", "1", "6,95", "VAT 7%", "6,95"),
    ("MUG-CER-350", "Handgemachte Keramiktasse mit Glasur in Ozeanblau, 350 ml", "2", "18,50",
     "VAT 19%", "37,00"),
    ("GRN-ESP-001", "Espressomühle Crème Brûlée Édition", "1", "129,00", "VAT 19%", "129,00"),
    ("CHO-DRK-085", "Zartbitterschokolade 85 % Kakao", "4", "2,79", "VAT 7%", "11,16"),
]
TAXES = [("VAT 19%", "139,49", "26,51"), ("VAT 7%", "57,37", "4,01")]
TOTALS = [("Subtotal (net)", "196,86"), ("Tax", "30,52"), ("Total EUR", "227,38"),
          ("Paid by Card · AUTH 482913", "227,38"), ("Amount due", "0,00")]


def reportlab_maker():
    from io import BytesIO
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", REGULAR))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", BOLD))

    def make():
        out = BytesIO()
        c = canvas.Canvas(out, pagesize=A4)
        width, height = A4
        left, right = 48, width - 48
        y = height - 61
        c.setFont("DejaVu-Bold", 13)
        c.drawString(left, y, SHOP[0])
        c.setFont("DejaVu", 8.5)
        for line in SHOP[1:]:
            y -= 11.5
            c.drawString(left, y, line)
        c.setFont("DejaVu-Bold", 20)
        c.drawRightString(right, height - 65, "INVOICE")
        y = height - 73
        for label, value in FACTS:
            y -= 12.5
            c.setFont("DejaVu", 8.5)
            c.drawString(right - 200, y, label)
            c.setFont("DejaVu-Bold", 8.5)
            c.drawRightString(right, y, value)
        for x, block in ((left, BILL_TO), (left + 250, SHIP_TO)):
            y = height - 230
            c.setFont("DejaVu-Bold", 8.5)
            c.drawString(x, y, block[0])
            c.setFont("DejaVu", 8.5)
            for line in block[1:]:
                y -= 11.5
                c.drawString(x, y, line)
        y = height - 320
        c.setFillGray(0.93)
        c.rect(left, y - 5, right - left, 19, stroke=0, fill=1)
        c.setFillGray(0.1)
        c.setFont("DejaVu-Bold", 7.5)
        for x, title in ((left + 5, "SKU"), (left + 90, "DESCRIPTION"), (right - 250, "QTY"),
                         (right - 190, "UNIT PRICE"), (right - 120, "TAX"),
                         (right - 5, "AMOUNT")):
            c.drawString(x, y, title)
        c.setFont("DejaVu", 8.5)
        for sku, name, qty, price, tax, total in LINES:
            y -= 22
            c.drawString(left + 5, y, sku)
            c.drawString(left + 90, y, name[:38])
            c.drawRightString(right - 230, y, qty)
            c.drawRightString(right - 130, y, price)
            c.drawString(right - 120, y, tax)
            c.drawRightString(right - 5, y, total)
            c.setStrokeGray(0.8)
            c.line(left, y - 8, right, y - 8)
        y -= 40
        for label, base, tax in TAXES:
            y -= 15
            c.drawString(left + 5, y, label)
            c.drawRightString(left + 160, y, base)
            c.drawRightString(left + 235, y, tax)
        y += 30
        for label, value in TOTALS:
            y -= 15
            c.drawString(right - 224, y, label)
            c.drawRightString(right - 6, y, value)
        c.setFont("DejaVu", 7.5)
        c.drawString(left, 30, "Kassa Demo GmbH · Tax ID DE123456789 · Invoice INV-2025-000042")
        c.drawRightString(right, 30, "Page 1 of 1")
        c.showPage()
        c.save()
        return out.getvalue()

    return make


def weasyprint_maker():
    from weasyprint import HTML

    rows = "".join(
        f"<tr><td>{s}</td><td>{n}</td><td class=n>{q}</td><td class=n>{p}</td>"
        f"<td>{t}</td><td class=n>{a}</td></tr>" for s, n, q, p, t, a in LINES)
    taxes = "".join(f"<tr><td>{l}</td><td class=n>{b}</td><td class=n>{t}</td></tr>"
                    for l, b, t in TAXES)
    totals = "".join(f"<tr><td>{l}</td><td class=n>{v}</td></tr>" for l, v in TOTALS)
    facts = "".join(f"<tr><td>{l}</td><td class=n><b>{v}</b></td></tr>" for l, v in FACTS)
    html = f"""<html><head><style>
    @font-face {{ font-family: DejaVu; src: url(file://{REGULAR}); }}
    @font-face {{ font-family: DejaVu; font-weight: bold; src: url(file://{BOLD}); }}
    @page {{ size: A4; margin: 17mm; @bottom-right {{ content: "Page " counter(page) " of "
      counter(pages); font: 7.5pt DejaVu; }} }}
    body {{ font: 8.5pt DejaVu; }} table {{ border-collapse: collapse; width: 100%; }}
    td, th {{ padding: 4pt 5pt; border-bottom: 0.4pt solid #ccc; }} .n {{ text-align: right; }}
    th {{ background: #eee; font-size: 7.5pt; text-align: left; }} h1 {{ color: #173a66; }}
    </style></head><body>
    <div style="float:right; width: 40%"><h1 style="text-align:right">INVOICE</h1>
    <table>{facts}</table></div>
    <h2>{SHOP[0]}</h2>{"<br>".join(SHOP[1:])}
    <div style="clear:both; display:flex; margin: 20pt 0">
      <div style="width:50%">{"<br>".join(BILL_TO)}</div>
      <div>{"<br>".join(SHIP_TO)}</div></div>
    <table><tr><th>SKU</th><th>DESCRIPTION</th><th>QTY</th><th>UNIT PRICE</th><th>TAX</th>
    <th>AMOUNT</th></tr>{rows}</table>
    <div style="display:flex; margin-top: 18pt; gap: 30pt">
      <table style="width:45%">{taxes}</table><table style="width:45%">{totals}</table></div>
    </body></html>"""

    def make():
        return HTML(string=html).write_pdf()

    return make


def median_ms(make, runs):
    for _ in range(3):
        size = len(make())
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        make()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times), size


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    for name, maker, package in (("reportlab", reportlab_maker, "reportlab"),
                                 ("weasyprint", weasyprint_maker, "weasyprint")):
        try:
            make = maker()
        except ImportError:
            print(f"{name} missing={package}", flush=True)
            continue
        ms, size = median_ms(make, runs)
        print(f"{name} median_ms={ms:.3f} runs={runs} bytes={size}", flush=True)


if __name__ == "__main__":
    main()
