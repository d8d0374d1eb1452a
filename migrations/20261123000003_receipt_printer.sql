-- Receipt printer (SPEC §8): where ESC/POS receipts go and the paper width. An empty
-- address means no printer: the receipt is shown on screen only.
INSERT INTO settings (key, value) VALUES
    ('receipt_printer', ''),
    ('receipt_paper_mm', '80');
